package dev.forewarn.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The metric names used by the Grafana dashboards and the alert rules, read from their PromQL expressions. */
public final class MetricNames {
    public static final Path DASHBOARDS = Path.of("grafana/dashboards");
    public static final Path RULES = Path.of("k8s/prometheus/forewarn-rules.yaml");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "and", "or", "unless", "offset", "inf", "nan");
    /** Series every Prometheus has, not exposed by Forewarn. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENT = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    private MetricNames() {
    }

    /** Metric names of one PromQL expression (functions, keywords, labels and Grafana variables left out). */
    public static Set<String> of(String promql) {
        String s = STRING.matcher(promql).replaceAll(" ");
        s = MATCHERS.matcher(s).replaceAll(" ");
        s = RANGE.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        s = s.replaceAll("\\$\\{?\\w+}?", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENT.matcher(s);
        while (m.find()) {
            String name = m.group(1);
            boolean isFunction = m.group(2) != null;
            if (!isFunction && !KEYWORDS.contains(name.toLowerCase()) && !PROMETHEUS_OWN.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Every metric name used, mapped to where it is used (dashboard file / panel title, or rule name). */
    public static Map<String, Set<String>> used() {
        Map<String, Set<String>> used = new TreeMap<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = Manifests.JSON.readTree(file.toFile());
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        add(used, target.path("expr").asText(""), file.getFileName() + " / " + panel.path("title").asText());
                    }
                }
                for (JsonNode variable : dashboard.path("templating").path("list")) {
                    String query = variable.path("query").path("query").asText(variable.path("query").asText(""));
                    Matcher lv = Pattern.compile("label_values\\((.*),\\s*\\w+\\)").matcher(query);
                    if (lv.find()) {
                        add(used, lv.group(1), file.getFileName() + " / variable " + variable.path("name").asText());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (JsonNode group : Manifests.read(RULES).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                add(used, rule.path("expr").asText(), "rule " + rule.path("alert").asText(rule.path("record").asText()));
            }
        }
        return used;
    }

    private static void add(Map<String, Set<String>> used, String expr, String where) {
        for (String name : of(expr)) {
            used.computeIfAbsent(name, k -> new TreeSet<>()).add(where);
        }
    }
}
