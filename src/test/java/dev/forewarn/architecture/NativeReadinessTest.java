package dev.forewarn.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Guards the native image where this machine cannot build one (no GraalVM): no dynamic class loading or
 * reflection in Forewarn's code, every class Jackson reads or writes is known to the native build, and the
 * build files that produce the native image are in place. A heuristic, not a proof: the native build itself
 * (mvn package -Dnative) is the real test.
 */
class NativeReadinessTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.forewarn");
    private static final Set<String> JACKSON_CALLS = Set.of("readValue", "readValues", "writeValueAsString",
            "writeValueAsBytes", "writeValue", "convertValue", "treeToValue", "readerFor", "writerFor", "valueToTree");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");

    @Test
    void noDynamicClassLoading() {
        noClasses().should().callMethodWhere(call("java.lang.Class", "forName"))
                .orShould().callMethodWhere(call("java.lang.ClassLoader", "loadClass"))
                .orShould().callMethodWhere(call("java.lang.ClassLoader", "findClass"))
                .because("a class named at run time is not in a native image unless registered")
                .check(MAIN);
    }

    @Test
    void noReflection() {
        noClasses().should().dependOnClassesThat().resideInAPackage("java.lang.reflect")
                .orShould().callMethodWhere(call("java.lang.Class", "getDeclaredMethod", "getDeclaredMethods",
                        "getMethod", "getMethods", "getDeclaredField", "getDeclaredFields", "getField", "getFields",
                        "getDeclaredConstructor", "getDeclaredConstructors", "getConstructor", "newInstance"))
                .because("reflection works in a native image only on classes registered for it")
                .check(MAIN);
    }

    @Test
    void everyClassJacksonReadsOrWritesIsKnownToTheNativeBuild() throws ClassNotFoundException {
        Set<Class<?>> inRestSignatures = closure(restSignatureTypes());
        Set<Class<?>> registered = registeredForReflection();
        Map<String, Set<String>> unregistered = new TreeMap<>();
        for (Map.Entry<Class<?>, String> e : serialisedOutsideSignatures().entrySet()) {
            for (Class<?> type : closure(Set.of(e.getKey()))) {
                if (!inRestSignatures.contains(type) && !registered.contains(type)) {
                    unregistered.computeIfAbsent(type.getName(), k -> new TreeSet<>()).add(e.getValue());
                }
            }
        }
        assertThat(unregistered)
                .as("classes (de)serialised by Jackson outside a REST method signature; add them to "
                        + "the ReflectionRegistrations of their feature's package (class → where it is used)")
                .isEmpty();
    }

    @Test
    void theNativeProfileAndImagesAreInPlace() throws Exception {
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList profiles = pom.getElementsByTagName("profile");
        boolean nativeProfile = false;
        for (int i = 0; i < profiles.getLength(); i++) {
            Element profile = (Element) profiles.item(i);
            if (text(profile, "id").equals("native")) {
                nativeProfile = text(profile, "quarkus.native.enabled").equals("true");
            }
        }
        assertThat(nativeProfile).as("pom.xml has a 'native' profile setting quarkus.native.enabled=true").isTrue();

        String nativeImage = Files.readString(Path.of("src/main/docker/Dockerfile.native"));
        assertThat(nativeImage).containsPattern("(?m)^COPY .*target/\\*-runner /work/application")
                .containsPattern("(?m)^USER 1001").containsPattern("(?m)^WORKDIR /work/?$");
        String jvmImage = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        assertThat(jvmImage).contains("target/quarkus-app/lib/", "target/quarkus-app/quarkus/")
                .containsPattern("(?m)^USER 185");
    }

    @Test
    void everyRuntimeDependencyIsAQuarkusExtensionOrDocumentedByOne() throws Exception {
        // Libraries outside Quarkus' extensions bring no native-image metadata; the one exception is the
        // Flyway PostgreSQL module, which the Quarkus Flyway guide itself asks for.
        Set<String> documented = Set.of("org.flywaydb:flyway-database-postgresql");
        var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList deps = pom.getDocumentElement().getElementsByTagName("dependency");
        List<String> foreign = new java.util.ArrayList<>();
        for (int i = 0; i < deps.getLength(); i++) {
            Element dep = (Element) deps.item(i);
            if (dep.getParentNode().getParentNode().getNodeName().equals("dependencyManagement")
                    || text(dep, "scope").equals("test") || text(dep, "scope").equals("import")) {
                continue;
            }
            String ga = text(dep, "groupId") + ":" + text(dep, "artifactId");
            if (!(ga.startsWith("io.quarkus:quarkus-") || documented.contains(ga))) {
                foreign.add(ga);
            }
        }
        assertThat(foreign).as("runtime dependencies that are not Quarkus extensions").isEmpty();
    }

    @Test
    void templatesAndMigrationsAreWhereQuarkusIncludesThemInTheNativeImage() throws IOException {
        // Qute includes src/main/resources/templates and Flyway its default location db/migration at build time.
        assertThat(Path.of("src/main/resources/templates")).isDirectory();
        try (var migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            assertThat(migrations.map(p -> p.getFileName().toString())).isNotEmpty().allMatch(n -> n.matches("V\\d+__.+\\.sql"));
        }
        assertThat(Files.readString(Path.of("src/main/resources/application.yaml"))).doesNotContain("locations:");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static com.tngtech.archunit.base.DescribedPredicate<JavaMethodCall> call(String owner, String... names) {
        Set<String> wanted = Set.of(names);
        return com.tngtech.archunit.base.DescribedPredicate.describe(owner + "." + wanted,
                c -> c.getTargetOwner().getName().equals(owner) && wanted.contains(c.getName()));
    }

    /** Body and return types of every REST resource method and server exception mapper. */
    private static Set<Type> restSignatureTypes() throws ClassNotFoundException {
        Set<Type> types = new HashSet<>();
        for (JavaClass c : MAIN) {
            for (JavaMethod m : c.getMethods()) {
                boolean resource = m.getAnnotations().stream().anyMatch(a ->
                        a.getRawType().getPackageName().equals("jakarta.ws.rs")
                                && HTTP_METHODS.contains(a.getRawType().getSimpleName()))
                        || m.isAnnotatedWith("org.jboss.resteasy.reactive.server.ServerExceptionMapper");
                if (resource) {
                    Method method = Arrays.stream(Class.forName(c.getName()).getDeclaredMethods())
                            .filter(r -> r.getName().equals(m.getName())
                                    && r.getParameterCount() == m.getRawParameterTypes().size())
                            .findFirst().orElseThrow();
                    types.add(method.getGenericReturnType());
                    types.addAll(Arrays.asList(method.getGenericParameterTypes()));
                }
            }
        }
        return types;
    }

    /**
     * Forewarn classes Jackson sees outside REST signatures: class literals next to an ObjectMapper call, the
     * type arguments of TypeReferences, and records built in a method that builds a {@code Response} with an
     * entity (Quarkus cannot see an entity's type behind a raw {@code Response}).
     */
    private static Map<Class<?>, String> serialisedOutsideSignatures() throws ClassNotFoundException {
        Map<Class<?>, String> found = new java.util.LinkedHashMap<>();
        for (JavaClass c : MAIN) {
            if (c.isAssignableTo(TypeReference.class) && !c.getName().equals(TypeReference.class.getName())) {
                Type superType = Class.forName(c.getName()).getGenericSuperclass();
                for (Class<?> t : forewarnClassesIn(superType)) {
                    found.putIfAbsent(t, c.getName() + " (TypeReference)");
                }
            }
            for (JavaCodeUnit unit : c.getCodeUnits()) {
                String where = c.getSimpleName() + "." + unit.getName();
                boolean jackson = unit.getMethodCallsFromSelf().stream().anyMatch(call ->
                        call.getTargetOwner().getPackageName().equals("com.fasterxml.jackson.databind")
                                && JACKSON_CALLS.contains(call.getName()));
                if (jackson) {
                    unit.getReferencedClassObjects().stream().map(r -> r.getRawType())
                            .filter(t -> t.getPackageName().startsWith("dev.forewarn"))
                            .forEach(t -> found.putIfAbsent(load(t.getName()), where));
                }
                boolean responseEntity = unit.getMethodCallsFromSelf().stream().anyMatch(call ->
                        (call.getTargetOwner().getName().startsWith("jakarta.ws.rs.core.Response")
                                && Set.of("ok", "entity").contains(call.getName()))
                                || (call.getTargetOwner().getName().startsWith("org.jboss.resteasy.reactive.RestResponse")
                                && Set.of("ok", "entity", "status").contains(call.getName())));
                if (responseEntity) {
                    unit.getConstructorCallsFromSelf().stream().map(k -> k.getTargetOwner())
                            .filter(t -> t.isRecord() && t.getPackageName().startsWith("dev.forewarn"))
                            .forEach(t -> found.putIfAbsent(load(t.getName()), where + " (Response entity)"));
                    // Static factories of a record (ApiError.of(...)) build entities as well as constructors do.
                    unit.getMethodCallsFromSelf().stream()
                            .filter(k -> k.getTarget().getRawReturnType().equals(k.getTargetOwner()))
                            .map(k -> k.getTarget().getRawReturnType())
                            .filter(t -> t.isRecord() && t.getPackageName().startsWith("dev.forewarn"))
                            .forEach(t -> found.putIfAbsent(load(t.getName()), where + " (Response entity)"));
                }
            }
        }
        return found;
    }

    private static Set<Class<?>> registeredForReflection() throws ClassNotFoundException {
        Set<Class<?>> registered = new HashSet<>();
        for (JavaClass c : MAIN) {
            if (c.isAnnotatedWith(RegisterForReflection.class)) {
                // With targets the annotation registers those classes, without it the annotated class itself.
                Class<?>[] targets = Class.forName(c.getName()).getAnnotation(RegisterForReflection.class).targets();
                registered.addAll(targets.length == 0 ? List.of(Class.forName(c.getName())) : Arrays.asList(targets));
            }
        }
        return registered;
    }

    /** Forewarn classes reachable from the given types through generic arguments and record components. */
    private static Set<Class<?>> closure(Set<? extends Type> roots) {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Type> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            for (Class<?> c : forewarnClassesIn(todo.pop())) {
                if (seen.add(c) && c.isRecord()) {
                    for (RecordComponent rc : c.getRecordComponents()) {
                        todo.push(rc.getGenericType());
                    }
                }
            }
        }
        return seen;
    }

    private static Set<Class<?>> forewarnClassesIn(Type type) {
        Set<Class<?>> out = new HashSet<>();
        if (type instanceof Class<?> c) {
            Class<?> base = c.isArray() ? c.getComponentType() : c;
            if (base.getPackageName().startsWith("dev.forewarn")) {
                out.add(base);
            }
        } else if (type instanceof ParameterizedType p) {
            out.addAll(forewarnClassesIn(p.getRawType()));
            Arrays.stream(p.getActualTypeArguments()).forEach(a -> out.addAll(forewarnClassesIn(a)));
        } else if (type instanceof WildcardType w) {
            Arrays.stream(w.getUpperBounds()).forEach(a -> out.addAll(forewarnClassesIn(a)));
        } else if (type instanceof GenericArrayType g) {
            out.addAll(forewarnClassesIn(g.getGenericComponentType()));
        }
        return out;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
