package dev.forewarn.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM image runs with the measured set-up, the benchmark measures that same set-up, and the Kubernetes limit
 * leaves room for it: one line in Dockerfile.jvm is the only copy of the options.
 */
class JvmImageSetupTest {

    private static String dockerfile() throws IOException {
        return Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
    }

    private static String jvmOptions() throws IOException {
        Matcher m = Pattern.compile("(?m)^ENV FOREWARN_JVM_OPTS=\"(.*)\"$").matcher(dockerfile());
        assertThat(m.find()).as("Dockerfile.jvm sets FOREWARN_JVM_OPTS on one line").isTrue();
        return m.group(1);
    }

    @Test
    void theImageAppendsTheMeasuredOptionsWithOneCollector() throws IOException {
        String options = jvmOptions();
        assertThat(options).containsPattern("-Xmx\\d+m").contains("-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=",
                "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:-UseDynamicNumberOfCompilerThreads");
        // run-java.sh puts GC_CONTAINER_OPTIONS before JAVA_OPTS_APPEND: a second collector would stop the JVM.
        assertThat(dockerfile()).containsPattern("(?m)^ENV GC_CONTAINER_OPTIONS=\"-XX:\\+UseSerialGC\"$")
                .containsPattern("(?m)^ENV JAVA_OPTS_APPEND=\".*\\$\\{FOREWARN_JVM_OPTS}\"$");
    }

    @Test
    void theAppCdsArchiveTheOptionsNameIsBuiltAndCopied() throws IOException {
        assertThat(jvmOptions()).contains("-XX:SharedArchiveFile=app-cds.jsa");
        assertThat(dockerfile()).contains("COPY --chown=185 target/quarkus-app/app-cds.jsa /deployments/");
        assertThat(Manifests.read(Path.of("src/main/resources/application.yaml"))
                .at("/quarkus/package/jar/appcds/enabled").asText()).isEqualTo("true");
    }

    @Test
    void theBenchmarkRunsTheImagesOptions() throws IOException {
        String bench = Files.readString(Path.of("bin/bench"));
        assertThat(bench).contains("ENV FOREWARN_JVM_OPTS=", "src/main/docker/Dockerfile.jvm", "MALLOC_ARENA_MAX");
    }

    @Test
    void theKubernetesLimitExceedsTheBoundedHeapWithRoomForTheRest() throws IOException {
        Matcher xmx = Pattern.compile("-Xmx(\\d+)m").matcher(jvmOptions());
        assertThat(xmx.find()).isTrue();
        String limit = Manifests.read(Path.of("k8s/base/deployment.yaml"))
                .at("/spec/template/spec/containers/0/resources/limits/memory").asText();
        assertThat(limit).endsWith("Mi");
        // Metaspace, code cache, thread stacks and the rest took ~165 MiB besides the heap (README).
        assertThat(Integer.parseInt(limit.replace("Mi", ""))).isGreaterThanOrEqualTo(Integer.parseInt(xmx.group(1)) + 200);
    }
}
