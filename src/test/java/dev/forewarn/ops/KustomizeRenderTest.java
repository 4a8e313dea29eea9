package dev.forewarn.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.testing.SettingsMappings;
import io.smallrye.config.ConfigMapping;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Renders every overlay with {@code kubectl kustomize} and checks the result against what the application really
 * uses: port, health paths, configuration keys, secret names, and the users of the two container images.
 */
class KustomizeRenderTest {
    private static final String INSTALL = "The k8s checks need kubectl >= 1.27 (kustomize v5) on the PATH: see "
            + "https://kubernetes.io/docs/tasks/tools/ . Debian's 'kubernetes-client' package is kubectl 1.20 "
            + "with kustomize v2.0.3, which predates the 'labels' field these overlays use.";

    /** The keys of secret-template.yaml: database, SMTP, and the ticket/pager credentials of the SLA work. */
    static final Set<String> SECRET_KEYS = Set.of(
            "FOREWARN_DB_HOST", "FOREWARN_DB_PORT", "FOREWARN_DB_NAME", "FOREWARN_DB_USER", "FOREWARN_DB_PASSWORD",
            "FOREWARN_SMTP_HOST", "FOREWARN_SMTP_PORT", "FOREWARN_SMTP_USER", "FOREWARN_SMTP_PASSWORD",
            "FOREWARN_ZENDESK_EMAIL", "FOREWARN_ZENDESK_TOKEN", "FOREWARN_TICKET_WEBHOOK_SECRET",
            "FOREWARN_PAGERDUTY_ROUTING_KEY", "FOREWARN_PAGERDUTY_WEBHOOK_SECRET", "FOREWARN_PAGE_WEBHOOK_SECRET",
            "FOREWARN_SLACK_WEBHOOK_URL", "FOREWARN_API_KEY_VIEWER", "FOREWARN_API_KEY_OPERATOR", "FOREWARN_API_KEY_ADMIN",
            "FOREWARN_LINK_SECRET");

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // overlay,    replicas, image user (Dockerfile), image tag suffix
        "dev,          1,        jvm",
        "prod,         2,        jvm",
        "prod-native,  2,        native",
    })
    void overlayRendersAndMatchesTheApplication(String overlay, int replicas, String image) throws IOException {
        List<JsonNode> docs = Manifests.readAll(
                Manifests.run(INSTALL, "kubectl", "kustomize", "k8s/overlays/" + overlay));
        JsonNode deployment = one(docs, "Deployment");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);
        JsonNode appYaml = Manifests.YAML.readTree(one(docs, "ConfigMap").path("data").path("application.yaml").asText());
        JsonNode packaged = Manifests.read(Path.of("src/main/resources/application.yaml"));

        assertThat(deployment.path("spec").path("replicas").asInt()).as("replicas").isEqualTo(replicas);

        // Port: the container's, the Service's target and the ServiceMonitor's all name the one Quarkus listens on.
        int httpPort = appYaml.at("/quarkus/http/port").asInt(packaged.at("/quarkus/http/port").asInt());
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(httpPort);
        String portName = container.path("ports").get(0).path("name").asText();
        assertThat(one(docs, "Service").at("/spec/ports/0/targetPort").asText()).isEqualTo(portName);
        JsonNode scrape = one(docs, "ServiceMonitor").at("/spec/endpoints/0");
        assertThat(scrape.path("port").asText()).isEqualTo(one(docs, "Service").at("/spec/ports/0/name").asText());
        assertThat(scrape.path("path").asText()).isEqualTo("/q/metrics");
        assertThat(one(docs, "NetworkPolicy").at("/spec/ingress/0/ports/0/port").asInt()).isEqualTo(httpPort);

        // Probes on SmallRye Health's endpoints.
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.path(probe).at("/httpGet/port").asText()).as(probe).isIn(portName, "" + httpPort);
        }

        // Graceful shutdown: Forewarn gives up on in-flight work before Kubernetes kills the pod.
        Duration shutdown = Duration.parse("PT" + appYaml.at("/forewarn/jobs/shutdown-grace").asText().toUpperCase());
        assertThat(shutdown).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(pod.path("terminationGracePeriodSeconds").asLong())
                .isGreaterThanOrEqualTo(45).isGreaterThanOrEqualTo(shutdown.plusSeconds(10).toSeconds());

        // Least privilege.
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(one(docs, "ServiceAccount").path("automountServiceAccountToken").asBoolean(true)).isFalse();
        JsonNode sc = container.path("securityContext");
        assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(sc.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(sc.at("/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
        assertThat(sc.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(mountPaths(container)).contains("/tmp", "/deployments/config", "/work/config");
        assertThat(volume(pod, mountOf(container, "/tmp")).has("emptyDir")).isTrue();
        assertThat(volume(pod, mountOf(container, "/deployments/config")).at("/configMap/name").asText())
                .isEqualTo(one(docs, "ConfigMap").at("/metadata/name").asText());

        // The pod runs as the user its image was built for.
        Path dockerfile = Path.of("src/main/docker/Dockerfile." + image);
        assertThat(container.path("image").asText()).endsWith("-" + image);
        assertThat(pod.at("/securityContext/runAsUser").asText()).isEqualTo(dockerUser(dockerfile));

        assertThat(container.at("/resources/requests/cpu").isMissingNode()).isFalse();
        assertThat(container.at("/resources/requests/memory").isMissingNode()).isFalse();
        assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();

        // Secrets: one Secret, by name, not optional, never rendered into the manifests.
        assertThat(container.at("/envFrom/0/secretRef/name").asText()).isEqualTo("forewarn-secrets");
        assertThat(container.at("/envFrom/0/secretRef/optional").asBoolean(true)).isFalse();
        assertThat(docs).noneMatch(d -> d.path("kind").asText().equals("Secret"));
        for (JsonNode env : container.path("env")) {
            if (env.has("valueFrom") && env.at("/valueFrom/secretKeyRef").isObject()) {
                assertThat(SECRET_KEYS).as("secretKeyRef of %s", env.path("name").asText())
                        .contains(env.at("/valueFrom/secretKeyRef/key").asText());
            }
        }

        // Configuration: every forewarn.* key of the ConfigMap is one ForewarnConfig or an integration's own settings
        // mapping (a ticket source type's keys, under its prefix) knows.
        List<String> unknown = new ArrayList<>();
        walk(appYaml.path("forewarn"), ForewarnConfig.class, "forewarn", unknown);
        for (Class<?> mapping : integrationMappings()) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            JsonNode at = appYaml;
            for (String part : prefix.split("\\.")) {
                at = at.path(part);
            }
            List<String> unknownThere = new ArrayList<>();
            walk(at, mapping, prefix, unknownThere);
            unknown.removeIf(key -> key.startsWith(prefix + ".")
                    && unknownThere.stream().noneMatch(u -> key.equals(u) || key.startsWith(u + ".")));
        }
        assertThat(unknown).as("keys of the ConfigMap's application.yaml unknown to every settings mapping").isEmpty();

        if (replicas > 1) {
            JsonNode pdb = one(docs, "PodDisruptionBudget").path("spec");
            assertThat(pdb.path("minAvailable").asInt()).isEqualTo(1);
            assertThat(pdb.has("maxUnavailable")).isFalse();
            assertThat(pod.path("topologySpreadConstraints").isEmpty()).isFalse();
            assertThat(pod.at("/affinity/podAntiAffinity").isObject()).isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void theSecretTemplateHoldsPlaceholdersForEverySecretTheApplicationReads() throws IOException {
        JsonNode secret = Manifests.read(Path.of("k8s/base/secret-template.yaml"));
        assertThat(secret.at("/metadata/name").asText()).isEqualTo("forewarn-secrets");
        Set<String> keys = new TreeSet<>();
        secret.path("stringData").fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrderElementsOf(SECRET_KEYS);
        secret.path("stringData").forEach(v -> assertThat(v.asText()).as("no real secret committed")
                .matches("<[^>]+>|\\d+|forewarn"));
        assertThat(Manifests.read(Path.of("k8s/base/kustomization.yaml")).path("resources").toString())
                .as("the template is never applied by kustomize").doesNotContain("secret-template");

        String referencedIn = Files.readString(Path.of("src/main/resources/application.yaml"))
                + Files.readString(Path.of("k8s/base/application.yaml")) + Files.readString(Path.of("README.md"));
        assertThat(SECRET_KEYS).as("secret keys read by application.yaml or documented in the README")
                .allMatch(referencedIn::contains);
    }

    private static JsonNode one(List<JsonNode> docs, String kind) {
        List<JsonNode> found = docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertThat(found).as("rendered objects of kind %s", kind).hasSize(1);
        return found.get(0);
    }

    private static Set<String> mountPaths(JsonNode container) {
        Set<String> paths = new TreeSet<>();
        container.path("volumeMounts").forEach(m -> paths.add(m.path("mountPath").asText()));
        return paths;
    }

    private static String mountOf(JsonNode container, String path) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("mountPath").asText().equals(path)) {
                return m.path("name").asText();
            }
        }
        throw new AssertionError("no volume mounted at " + path);
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static String dockerUser(Path dockerfile) throws IOException {
        Matcher m = Pattern.compile("(?m)^USER\\s+(\\d+)").matcher(Files.readString(dockerfile));
        assertThat(m.find()).as("USER in %s", dockerfile).isTrue();
        return m.group(1);
    }

    /** Compares a YAML subtree with a @ConfigMapping type: keys are the kebab-case method names. */
    /** The settings mappings besides ForewarnConfig: each integration's own keys under forewarn.*. */
    private static List<Class<?>> integrationMappings() {
        return SettingsMappings.ALL.stream().filter(c -> c != ForewarnConfig.class).collect(Collectors.toList());
    }

    private static void walk(JsonNode node, Type type, String path, List<String> unknown) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == Optional.class) {
            walk(node, ((ParameterizedType) type).getActualTypeArguments()[0], path, unknown);
        } else if (List.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), element, path + "[" + i + "]", unknown);
                }
            } else if (!node.isValueNode()) {
                unknown.add(path + " (expects a list)");
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            Type value = ((ParameterizedType) type).getActualTypeArguments()[1];
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), value, path + "." + e.getKey(), unknown);
            }
        } else if (raw.isInterface() && raw.getPackageName().startsWith("dev.forewarn")) {
            Map<String, Method> methods = java.util.Arrays.stream(raw.getMethods())
                    .filter(m -> m.getParameterCount() == 0 && !m.isDefault())
                    .collect(Collectors.toMap(m -> kebab(m.getName()), m -> m));
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Method m = methods.get(e.getKey());
                if (m == null) {
                    unknown.add(path + "." + e.getKey());
                } else {
                    walk(e.getValue(), m.getGenericReturnType(), path + "." + e.getKey(), unknown);
                }
            }
        } else if (!node.isValueNode()) {
            // A leaf property (String, Duration, number, enum, OptionalDouble …) given a map or a list.
            unknown.add(path + " (expects a single value of type " + raw.getSimpleName() + ")");
        } else if (raw == OptionalDouble.class || raw == double.class) {
            assertThat(node.isNumber() || node.asText().matches("[0-9.]+")).as(path).isTrue();
        } else if (raw == OptionalInt.class || raw == int.class) {
            assertThat(node.asText()).as(path).matches("\\d+");
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
