package dev.forewarn.nativebuild;

import static dev.forewarn.nativebuild.Jars.equal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The command line Quarkus' native build passes, plus a library's META-INF/native-image, into builder arguments; with
 * the real builder jars (-Dbuilder.jars, as bin/native-build --self-test passes them once assembled) the public
 * options are translated by the builder's own table.
 */
public final class DriverTest {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("driver");
        Files.createDirectories(dir.resolve("lib"));
        Jars.jar(dir.resolve("lib/netty.jar"), Map.of(), Map.of(
                "META-INF/native-image/io.netty/common/native-image.properties",
                "Args = --initialize-at-run-time=io.netty.Foo --add-opens java.base/java.nio=ALL-UNNAMED\n",
                "META-INF/native-image/io.netty/common/reflect-config.json", "[]",
                "META-INF/native-image/io.netty/codec/generated/handlers/reflect-config.json", "[]"));
        Path app = Jars.jar(dir.resolve("app-runner.jar"),
                Map.of("Main-Class", "io.quarkus.runner.GeneratedMain", "Class-Path", "lib/netty.jar"), Map.of());

        Driver d = new Driver(dir, List.of(), table());
        d.parse(List.of("-J-Dfile.encoding=UTF-8", "-H:+UnlockExperimentalVMOptions", "-H:+AllowFoldMethods",
                "-H:-UnlockExperimentalVMOptions", "--no-fallback", "--initialize-at-build-time=",
                "--exclude-config", "netty\\.jar", "/META-INF/native-image/io\\.netty/codec/generated/handlers/reflect-config\\.json",
                "app-runner", "-jar", app.toString()));

        equal(List.of("-Dfile.encoding=UTF-8"), d.javaArgs, "-J options go to the builder JVM");
        equal(List.of(app, dir.resolve("lib/netty.jar")), List.copyOf(d.classpath), "the jar and its Class-Path");
        equal(List.of(
                "-H:ClassInitialization=io.netty.Foo:run_time",
                "-H:AddOpens=java.base/java.nio=ALL-UNNAMED",
                "-H:ReflectionConfigurationResources=META-INF/native-image/io.netty/common/reflect-config.json",
                "-H:+UnlockExperimentalVMOptions", "-H:+AllowFoldMethods", "-H:-UnlockExperimentalVMOptions",
                "-H:FallbackThreshold=0", "-H:ClassInitialization=:build_time",
                "-H:Class=io.quarkus.runner.GeneratedMain"), d.builderArgs,
                "library configuration first (excluded file left out), then the command line in its order");
        equal("app-runner", d.imageName(), "the plain argument names the image in -jar mode");

        try {
            new Driver(dir, List.of(), table()).parse(List.of("--made-up-option", "-jar", app.toString()));
            throw new AssertionError("an unknown option must stop the build");
        } catch (IllegalArgumentException expected) {
            equal(true, expected.getMessage().contains("--made-up-option"), "the message names the option");
        }

        String jars = System.getProperty("builder.jars");
        if (jars != null) {
            List<Path> paths = List.of(jars.split(":")).stream().map(Path::of).toList();
            var loader = new java.net.URLClassLoader(paths.stream().map(Driver::urlOf).toArray(java.net.URL[]::new),
                    ClassLoader.getPlatformClassLoader());
            ApiOptions real = ApiOptions.load(paths, loader);
            equal(List.of("-H:ClassInitialization=a.B:run_time,c.D:run_time", "-H:FallbackThreshold=0",
                    "-H:AddOpens=java.base/java.lang=ALL-UNNAMED", "-H:MicroArchitecture=compatibility",
                    "-H:EnableURLProtocols=http,https", "-H:Features=x.F"),
                    translate(real, "--initialize-at-run-time=a.B,c.D", "--no-fallback", "--add-opens",
                            "java.base/java.lang=ALL-UNNAMED", "-march=compatibility", "--enable-url-protocols=http,https",
                            "--features=x.F"), "the builder's own table");
            System.out.println("DriverTest: ok (with the builder's option table)");
        } else {
            System.out.println("DriverTest: ok (builder not assembled: its option table not checked)");
        }
    }

    private static List<String> translate(ApiOptions api, String... args) {
        var q = new java.util.ArrayDeque<>(List.of(args));
        List<String> out = new java.util.ArrayList<>();
        while (!q.isEmpty()) {
            out.add(api.translate(q));
        }
        return out;
    }

    /** The part of the builder's table these cases use, written as the svm jar's annotations declare it. */
    private static ApiOptions table() {
        return new ApiOptions(List.of(
                new ApiOptions.Spec("--initialize-at-run-time", "ClassInitialization", false, false, List.of('='), null, "",
                        v -> v + ":run_time"),
                new ApiOptions.Spec("--initialize-at-build-time", "ClassInitialization", false, false, List.of('='), null,
                        "", v -> v + ":build_time"),
                new ApiOptions.Spec("--no-fallback", "FallbackThreshold", false, false, List.of('='), "0", null, null),
                new ApiOptions.Spec("--add-opens", "AddOpens", false, false, List.of(' ', '='), null, null, null)));
    }
}
