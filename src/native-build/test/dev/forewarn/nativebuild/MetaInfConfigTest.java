package dev.forewarn.nativebuild;

import static dev.forewarn.nativebuild.Jars.equal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What a library jar's META-INF/native-image contributes to a build. */
public final class MetaInfConfigTest {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("metainf");
        Path jar = Jars.jar(dir.resolve("lib.jar"), Map.of(), Map.of(
                "META-INF/native-image/org.acme/lib/native-image.properties",
                "Args = --initialize-at-run-time=org.acme.Clock \\\n"
                        + "       -H:ReflectionConfigurationResources=${.}/extra-reflect.json \\\n"
                        + "       --add-opens=java.base/java.lang=ALL-UNNAMED\n"
                        + "JavaArgs = -Dorg.acme.mode=${.}\n",
                "META-INF/native-image/org.acme/lib/reflect-config.json", "[]",
                "META-INF/native-image/org.acme/lib/resource-config.json", "{}",
                "META-INF/native-image/org.acme/lib/README.txt", "not configuration",
                "org/acme/Clock.class", ""));

        MetaInfConfig.Contribution all = MetaInfConfig.of(jar, (entry, resource) -> false);
        equal(List.of("-H:ReflectionConfigurationResources=META-INF/native-image/org.acme/lib/reflect-config.json",
                "-H:ResourceConfigurationResources=META-INF/native-image/org.acme/lib/resource-config.json",
                "--initialize-at-run-time=org.acme.Clock",
                "-H:ReflectionConfigurationResources=META-INF/native-image/org.acme/lib/extra-reflect.json",
                "--add-opens=java.base/java.lang=ALL-UNNAMED").stream().sorted().toList(),
                all.driverArgs().stream().sorted().toList(), "Args with ${.} resolved, and one option per JSON file");
        equal(List.of("-Dorg.acme.mode=META-INF/native-image/org.acme/lib"), all.javaArgs(), "JavaArgs");

        MetaInfConfig.Contribution excluded = MetaInfConfig.of(jar,
                (entry, resource) -> entry.equals(jar) && resource.endsWith("/reflect-config.json"));
        equal(false, excluded.driverArgs().stream().anyMatch(a -> a.endsWith("lib/reflect-config.json")),
                "an excluded file contributes nothing");
        equal(4, excluded.driverArgs().size(), "the rest still counts");

        Path classes = Files.createDirectories(dir.resolve("classes/META-INF/native-image"));
        Files.writeString(classes.resolve("jni-config.json"), "[]");
        equal(List.of("-H:JNIConfigurationResources=META-INF/native-image/jni-config.json"),
                MetaInfConfig.of(dir.resolve("classes"), (e, r) -> false).driverArgs(), "a directory entry");
        equal(List.of(), MetaInfConfig.of(dir.resolve("missing.jar"), (e, r) -> false).driverArgs(), "a missing entry");
        System.out.println("MetaInfConfigTest: ok");
    }
}
