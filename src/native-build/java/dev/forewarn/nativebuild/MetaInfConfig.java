package dev.forewarn.nativebuild;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * The build configuration libraries ship under {@code META-INF/native-image/} of every class-path entry, turned into
 * image builder arguments the way GraalVM's own {@code native-image} driver does it.
 *
 * <p>A {@code native-image.properties} file contributes its {@code Args} (driver options, processed like command-line
 * options, so {@code --initialize-at-run-time}, {@code --add-opens} and the like keep their meaning) and its
 * {@code JavaArgs} (options of the builder JVM); {@code ${.}} in either stands for the file's directory as a resource
 * path, which is how libraries point at their own JSON files. Every reflection, resource, JNI, proxy, serialization
 * or reachability-metadata JSON file becomes a {@code -H:<Kind>ConfigurationResources=<resource path>} option: the
 * builder reads those files from the image class path itself.
 */
public final class MetaInfConfig {
    static final String ROOT = "META-INF/native-image";

    /** The JSON files the builder understands, and the hosted option that names each as a class-path resource. */
    static final Map<String, String> JSON_OPTIONS = Map.of(
            "reachability-metadata.json", "ReachabilityMetadataResources",
            "jni-config.json", "JNIConfigurationResources",
            "foreign-config.json", "ForeignResources",
            "reflect-config.json", "ReflectionConfigurationResources",
            "resource-config.json", "ResourceConfigurationResources",
            "proxy-config.json", "DynamicProxyConfigurationResources",
            "serialization-config.json", "SerializationConfigurationResources",
            "serialization-deny-config.json", "SerializationDenyConfigurationResources",
            "predefined-classes-config.json", "PredefinedClassesConfigurationResources");

    /** What one class-path entry contributes: driver options (to be translated) and builder JVM options. */
    public record Contribution(List<String> driverArgs, List<String> javaArgs) {
    }

    private MetaInfConfig() {
    }

    /**
     * Reads {@code META-INF/native-image/**} of one class-path entry (a jar or a directory; anything else contributes
     * nothing). {@code excluded} is asked with (entry, resource path) and lets {@code --exclude-config} skip a file.
     */
    public static Contribution of(Path entry, BiPredicate<Path, String> excluded) {
        List<String> driverArgs = new ArrayList<>();
        List<String> javaArgs = new ArrayList<>();
        try {
            if (Files.isDirectory(entry)) {
                collect(entry, entry, excluded, driverArgs, javaArgs);
            } else if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + entry.toUri()), Map.of())) {
                    collect(entry, jar.getPath("/"), excluded, driverArgs, javaArgs);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + ROOT + " of " + entry, e);
        }
        return new Contribution(driverArgs, javaArgs);
    }

    private static void collect(Path entry, Path root, BiPredicate<Path, String> excluded, List<String> driverArgs,
            List<String> javaArgs) throws IOException {
        Path base = root.resolve(ROOT);
        if (!Files.isDirectory(base)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(base)) {
            // Sorted so that a build is reproducible whatever order the jar lists its entries in.
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String resource = root.relativize(file).toString();
            String name = file.getFileName().toString();
            if (excluded.test(entry, resource)) {
                continue;
            }
            if (name.equals("native-image.properties")) {
                Properties props = new Properties();
                try (InputStream in = Files.newInputStream(file)) {
                    props.load(in);
                }
                String dir = root.relativize(file.getParent()).toString();
                driverArgs.addAll(split(props.getProperty("Args"), dir));
                javaArgs.addAll(split(props.getProperty("JavaArgs"), dir));
            } else if (JSON_OPTIONS.containsKey(name)) {
                driverArgs.add("-H:" + JSON_OPTIONS.get(name) + "=" + resource);
            }
        }
    }

    /** A property value as arguments: split at white space (continuation lines are already joined), {@code ${.}} resolved. */
    static List<String> split(String value, String dir) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        for (String arg : value.trim().split("\\s+")) {
            args.add(arg.replace("${.}", dir));
        }
        return args;
    }
}
