package dev.forewarn.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged application, started with one bad setting and no reachable PostgreSQL, exits non-zero and names
 * the key: configuration is checked before any database work, so the bad key is never hidden behind a
 * connection error, and never discovered only at the first API call.
 */
class BadConfigurationStopsStartUpIT {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            // an API key of 9 characters
            "forewarn.security.api-keys.ops.key | too-short | forewarn.security.api-keys.ops.key must be at least 24",
            // a link secret of 8 characters
            "forewarn.security.link-secret      | 12345678  | forewarn.security.link-secret must be at least 32",
            // the sample window longer than the sustained window
            "forewarn.evaluation.sample-window  | 5m        | forewarn.evaluation.sample-window (PT5M) must be shorter",
    })
    void aBadSettingStopsTheProcessNamingTheKeyEvenWithoutADatabase(String key, String value, String expected)
            throws Exception {
        Path log = Files.createTempFile("forewarn-bad-config", ".log");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1",
                // Nothing listens on port 1: any database work would fail with a connection error first.
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:1/forewarn",
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:1/forewarn",
                "-Dforewarn.security.api-keys.ops.role=operator",
                "-Dforewarn.security.api-keys.ops.key=operator-key-0123456789abcdef"));
        cmd.add("-D" + key + "=" + value);
        cmd.addAll(List.of("-jar", JAR.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            // Generous: start-up on a loaded 2-core machine takes a minute or more.
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).as("the process stopped by itself").isTrue();
            String output = Files.readString(log);
            assertThat(p.exitValue()).as(output).isNotZero();
            assertThat(output).contains(expected).doesNotContain("Flyway").doesNotContain("Connection refused");
            assertThat(output).as("a secret's value is never printed").doesNotContain("operator-key-0123456789abcdef");
        } finally {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
