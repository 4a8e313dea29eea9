package dev.forewarn.nativebuild;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A stand-in for GraalVM's {@code native-image} driver (which no package registry serves): it accepts the command line
 * Quarkus' {@code -Dnative} build passes, adds what every class-path jar declares under {@code META-INF/native-image}
 * ({@link MetaInfConfig}), translates public options into hosted ones ({@link ApiOptions}) and runs the real image
 * builder (Maven Central's {@code org.graalvm.nativeimage:svm}) on the JDK of the assembled builder home.
 *
 * <p>Run with the system properties {@code builder.home} (the assembled home: a JDK copy with {@code lib/svm/...}) and
 * {@code builder.jars} (the builder's module path, the compiler jar first).
 */
public final class Driver {
    static final String VERSION = "25.0.4";
    private static final String BUILDER_MODULE = "org.graalvm.nativeimage.builder";

    private final Path home;
    private final List<Path> builderJars;
    private final ApiOptions api;
    final List<String> javaArgs = new ArrayList<>();
    final List<String> builderArgs = new ArrayList<>();
    final LinkedHashSet<Path> classpath = new LinkedHashSet<>();
    private final List<Pattern[]> excludes = new ArrayList<>();
    private String imageName;
    private boolean jarMode;
    private final List<String> positional = new ArrayList<>();

    Driver(Path home, List<Path> builderJars, ApiOptions api) {
        this.home = home;
        this.builderJars = builderJars;
        this.api = api;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--version")) {
            // The form GraalVM CE prints; Quarkus reads the version and the distribution from it.
            System.out.println("native-image " + VERSION + " 2026-01-20");
            System.out.println("GraalVM Runtime Environment GraalVM CE " + VERSION + "+8.1 (build " + VERSION + "+8-jvmci-b01)");
            System.out.println("Substrate VM GraalVM CE " + VERSION + "+8.1 (build " + VERSION + "+8, serial gc)");
            return;
        }
        Path home = Path.of(System.getProperty("builder.home"));
        List<Path> jars = List.of(System.getProperty("builder.jars").split(":")).stream().map(Path::of).toList();
        URLClassLoader loader = new URLClassLoader(jars.stream().map(Driver::urlOf).toArray(URL[]::new),
                ClassLoader.getPlatformClassLoader());
        Driver driver = new Driver(home, jars, ApiOptions.load(jars, loader));
        driver.parse(List.of(args));
        System.exit(driver.run());
    }

    static URL urlOf(Path p) {
        try {
            return p.toUri().toURL();
        } catch (IOException e) {
            throw new IllegalArgumentException(p.toString(), e);
        }
    }

    /** Takes the command line, then the class path's META-INF/native-image configuration. */
    void parse(List<String> args) throws IOException {
        List<String> own = new ArrayList<>();
        options(new ArrayDeque<>(expandArgFiles(args)), own, true);
        // As the real driver: with -jar the one plain argument names the image; else main class, then image name.
        List<String> rest = new ArrayList<>(positional);
        if (!jarMode && !rest.isEmpty()) {
            own.add("-H:Class=" + rest.remove(0));
        }
        if (!rest.isEmpty()) {
            imageName = rest.remove(0);
        }
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unrecognised arguments: " + rest);
        }
        // Library configuration first, the command line after it: for single-valued options the command line wins.
        for (Path entry : classpath) {
            MetaInfConfig.Contribution c = MetaInfConfig.of(entry, this::excluded);
            javaArgs.addAll(c.javaArgs());
            options(new ArrayDeque<>(c.driverArgs()), builderArgs, false);
        }
        builderArgs.addAll(own);
    }

    private static List<String> expandArgFiles(List<String> args) throws IOException {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("@")) {
                out.addAll(Files.readAllLines(Path.of(a.substring(1))).stream().map(String::trim)
                        .filter(l -> !l.isEmpty()).toList());
            } else {
                out.add(a);
            }
        }
        return out;
    }

    private void options(Deque<String> q, List<String> out, boolean commandLine) throws IOException {
        while (!q.isEmpty()) {
            String a = q.peekFirst();
            if (a.startsWith("-J")) {
                javaArgs.add(q.pollFirst().substring(2));
            } else if (a.startsWith("-H:") || a.startsWith("-R:")) {
                out.add(q.pollFirst());
            } else if (commandLine && (a.equals("-cp") || a.equals("-classpath") || a.equals("--class-path"))) {
                q.pollFirst();
                for (String e : q.pollFirst().split(":")) {
                    classpath.add(Path.of(e).toAbsolutePath().normalize());
                }
            } else if (commandLine && a.equals("-jar")) {
                q.pollFirst();
                jar(Path.of(q.pollFirst()).toAbsolutePath().normalize(), out);
            } else if (a.equals("--exclude-config")) {
                q.pollFirst();
                excludes.add(new Pattern[] {Pattern.compile(q.pollFirst()), Pattern.compile(q.pollFirst())});
            } else if (a.equals("--verbose") || a.equals("--no-server") || a.startsWith("--enable-preview")) {
                q.pollFirst();
            } else {
                String hosted = api.translate(q);
                if (hosted != null) {
                    out.add(hosted);
                } else if (commandLine && !a.startsWith("-")) {
                    positional.add(q.pollFirst());
                } else {
                    throw new IllegalArgumentException("option not supported by this stand-in driver: " + a);
                }
            }
        }
    }

    /** -jar: the jar and its manifest Class-Path form the class path, its Main-Class the entry point. */
    private void jar(Path jar, List<String> out) throws IOException {
        jarMode = true;
        classpath.add(jar);
        try (JarFile f = new JarFile(jar.toFile())) {
            var attrs = f.getManifest().getMainAttributes();
            String cp = attrs.getValue("Class-Path");
            if (cp != null) {
                for (String e : cp.trim().split(" +")) {
                    classpath.add(jar.getParent().resolve(e).normalize());
                }
            }
            out.add("-H:Class=" + attrs.getValue("Main-Class"));
        }
        if (imageName == null) {
            String file = jar.getFileName().toString();
            imageName = file.substring(0, file.length() - ".jar".length());
        }
    }

    String imageName() {
        return imageName;
    }

    private boolean excluded(Path entry, String resource) {
        return excludes.stream().anyMatch(p -> p[0].matcher(entry.toString()).find() && p[1].matcher("/" + resource).find());
    }

    /** The builder JVM's command line (written to an @argfile) and the builder's own arguments. */
    List<String> command(Path argFile) throws IOException {
        Path lib = home.resolve("lib");
        List<String> jvm = new ArrayList<>(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "-XX:-UseJVMCICompiler", "-Xss10m", "-Xshare:off", "-Djava.awt.headless=true",
                "-Dorg.graalvm.vendor=Forewarn native-build", "-Dorg.graalvm.version=" + VERSION,
                // Quarkus' build-time feature reads the builder's version from this property (as the --version text).
                "-Dorg.graalvm.vendorversion=GraalVM CE " + VERSION + "+8.1",
                "-Dcom.oracle.graalvm.isaot=true", "-Dorg.graalvm.nativeimage.imagecode=buildtime",
                "-Djava.system.class.loader=com.oracle.svm.hosted.NativeImageSystemClassLoader",
                "-Djdk.internal.lambda.disableEagerInitialization=true",
                "-Djava.lang.invoke.MethodHandle.DONT_INLINE_THRESHOLD=-1",
                "-Djava.lang.invoke.MethodHandle.PROFILE_GWT=false"));
        // The image's class path sees the JDK modules a class-path application would (the real driver does the same).
        jvm.add("--add-modules=ALL-DEFAULT");
        // The builder reaches into the JDK's internals (and JVMCI's) everywhere; the real driver grants that with one
        // --add-exports per package; this opens every package of every JDK module the builder JVM resolves.
        ModuleFinder upgraded = ModuleFinder.of(builderJars.get(0));
        ModuleFinder builder = ModuleFinder.of(builderJars.subList(1, builderJars.size()).toArray(Path[]::new));
        Set<String> builderModules = new java.util.TreeSet<>();
        ModuleFinder.compose(upgraded, builder).findAll().forEach(r -> builderModules.add(r.descriptor().name()));
        Set<String> roots = new java.util.TreeSet<>(builderModules);
        ModuleLayer.boot().modules().forEach(m -> roots.add(m.getName()));
        java.lang.module.Configuration resolved = java.lang.module.Configuration.empty()
                .resolve(ModuleFinder.compose(upgraded, ModuleFinder.ofSystem(), builder), ModuleFinder.of(), roots);
        String targets = String.join(",", builderModules);
        for (var m : resolved.modules()) {
            ModuleDescriptor d = m.reference().descriptor();
            if (builderModules.contains(d.name())) {
                continue;
            }
            for (String p : new java.util.TreeSet<>(d.packages())) {
                jvm.add("--add-opens=" + d.name() + "/" + p + "=" + targets);
            }
        }
        jvm.add("--enable-native-access=" + targets);
        jvm.add("--upgrade-module-path=" + builderJars.get(0));
        jvm.add("--module-path=" + builderJars.subList(1, builderJars.size()).stream().map(Path::toString)
                .collect(Collectors.joining(":")));
        // Classes initialised while building (jboss-threads' JDKSpecific$ThreadAccess for one) reach into
        // java.lang's private state from the image class path's unnamed module; on JDK 24+ that needs this opening.
        jvm.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        jvm.addAll(javaArgs);
        jvm.add("--module=" + BUILDER_MODULE + "/com.oracle.svm.hosted.NativeImageGeneratorRunner");
        Files.write(argFile, jvm.stream().map(Driver::quote).toList(), StandardCharsets.UTF_8);

        List<String> cmd = new ArrayList<>(List.of(lib.getParent().resolve("bin/java").toString(), "@" + argFile));
        cmd.add("-imagecp");
        cmd.add(classpath.stream().map(Path::toString).collect(Collectors.joining(":")));
        // As the real driver: the libc-specific directory, the platform's, then the common one.
        Path clibs = lib.resolve("svm/clibraries");
        cmd.add("-H:CLibraryPath=" + clibs.resolve("linux-amd64/glibc") + "," + clibs.resolve("linux-amd64") + "," + clibs);
        cmd.add("-H:Path=" + Path.of("").toAbsolutePath());
        if (imageName != null) {
            cmd.add("-H:Name=" + imageName);
        }
        // Substrate VM's cgroup support lives in a C library nobody serves; without it the image reads the host's
        // CPU count and memory instead of the container's limits (see README, Native executable).
        cmd.add("-H:-UseContainerSupport");
        // Without native access for the class path the image cannot initialise its platform encoding at start-up.
        cmd.add("-H:EnableNativeAccess=ALL-UNNAMED," + BUILDER_MODULE);
        // ... and the executable keeps the same opening at run time, where those classes run again.
        cmd.add("-H:AddOpens=java.base/java.lang=ALL-UNNAMED");
        // The JDK's shared libraries stand in for its static ones: the executable finds them at run time in the
        // installed JDK the builder was copied from (not in the copy, which is a cache).
        Path runtimeLib = Path.of(System.getProperty("builder.runtime.jdk", home.toString())).resolve("lib");
        cmd.add("-H:NativeLinkerOption=-Wl,-rpath," + runtimeLib + ",-rpath," + runtimeLib.resolve("server")
                + ",-rpath-link," + lib + ",-rpath-link," + lib.resolve("server"));
        cmd.add("-H:NativeLinkerOption=-Wl,--allow-shlib-undefined");
        // The JDK's shared libraries name libjvm.so (libjava.so binds its JVM_* functions at load time) and find it
        // through the launcher, which has loaded it before them; here the executable names it itself so the loader
        // finds it on the executable's run path. The image never starts that JVM: its code is only mapped.
        cmd.add("-H:NativeLinkerOption=-Wl,--no-as-needed," + runtimeLib.resolve("server/libjvm.so"));
        // ... but the JVM_* functions the image itself provides (src/native-build/c/jvm.c: JVM_Halt, which ends every
        // exit) must win over that JVM's, which would touch a VM that never started: they are exported, and the C
        // compiler wrapper (bin/forewarn-cc, written by bin/native-build) keeps the builder's version script from
        // making them local again.
        cmd.add("-H:NativeLinkerOption=-Wl,--export-dynamic-symbol=JVM_*");
        cmd.add("-H:CCompilerPath=" + home.resolve("bin/forewarn-cc"));
        cmd.addAll(builderArgs);
        cmd.add("-H:ImageBuildID=" + UUID.nameUUIDFromBytes(String.join(" ", cmd).getBytes(StandardCharsets.UTF_8)));
        return cmd;
    }

    private static String quote(String arg) {
        return arg.matches("[\\w./=:,@+-]+") ? arg : "\"" + arg.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private int run() throws IOException, InterruptedException {
        Path argFile = Files.createTempFile("native-image-jvm", ".args");
        try {
            List<String> cmd = command(argFile);
            if (System.getenv("NATIVE_BUILD_VERBOSE") != null) {
                System.err.println(String.join("\n", Files.readAllLines(argFile)) + "\n" + String.join("\n", cmd));
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            // The builder is 25.0.4, the JDK 25.0.x: JVMCI's own version check would refuse a mismatch in patch level.
            pb.environment().put("JVMCI_VERSION_CHECK", "ignore");
            pb.environment().put("USE_NATIVE_IMAGE_JAVA_PLATFORM_MODULE_SYSTEM", "true");
            Process p = pb.start();
            return p.waitFor();
        } finally {
            Files.deleteIfExists(argFile);
        }
    }
}
