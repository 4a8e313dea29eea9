package dev.forewarn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** A profile that turns API keys off must never listen beyond this machine. */
class DemoListensOnLoopbackOnlyTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo", "dev"})
    @SuppressWarnings("unchecked")
    void aProfileWithoutKeysBindsTheLoopbackAddress(String profile) throws Exception {
        Map<String, Object> yaml;
        try (InputStream in = getClass().getResourceAsStream("/application.yaml")) {
            yaml = new Yaml().load(in);
        }
        // A profile block is "%name" or a shared "%a,b" block.
        Map<String, Object> p = yaml.entrySet().stream()
                .filter(e -> e.getKey().startsWith("%")
                        && java.util.Arrays.asList(e.getKey().substring(1).split(",")).contains(profile))
                .map(e -> (Map<String, Object>) e.getValue())
                .findFirst().orElseThrow(() -> new AssertionError("no %" + profile + " block in application.yaml"));
        Map<String, Object> security = (Map<String, Object>) ((Map<String, Object>) p.get("forewarn")).get("security");
        assertThat(security.get("enabled")).isEqualTo(false);
        Map<String, Object> http = (Map<String, Object>) ((Map<String, Object>) p.get("quarkus")).get("http");
        assertThat(http).as("%s sets quarkus.http.host", profile).isNotNull();
        assertThat(http.get("host")).isEqualTo("127.0.0.1");
    }
}
