package dev.forewarn.probe.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProbeReportJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void readsTheDocumentedExample() {
        ProbeReport report = ProbeReportJson.parse(Fixtures.read("probe-report.json"), MAPPER);

        assertThat(report.agent()).isEqualTo("rtc-agent-fra-1.4.2");
        assertThat(report.readings()).containsExactly(
                new ProbeReading("eu-fra", "edge-fra-01", Instant.parse("2026-04-22T10:15:00Z"), true, 41.8, 3.2, 0.5),
                // the offset form is normalised to UTC
                new ProbeReading("eu-fra", "edge-fra-02", Instant.parse("2026-04-22T10:15:02Z"), null, 39.1, null, null),
                // the unknown field probeKind is ignored
                new ProbeReading("eu-fra", "edge-fra-03", Instant.parse("2026-04-22T10:15:01.250Z"), false, null,
                        null, 100.0));
    }

    static Stream<Arguments> garbage() {
        return Stream.of(
                // not JSON
                Arguments.of("agent=fra&rtt=40"),
                // empty body
                Arguments.of(""),
                // JSON null
                Arguments.of("null"),
                // an array instead of a report
                Arguments.of("[{\"region\":\"eu-fra\"}]"),
                // a date that is not ISO-8601
                Arguments.of("{\"readings\":[{\"at\":\"22/04/2026 10:15\"}]}"),
                // a number where text is expected to be a number
                Arguments.of("{\"readings\":[{\"rttMs\":\"fast\"}]}"),
                // readings not a list
                Arguments.of("{\"readings\":{\"region\":\"eu-fra\"}}"),
                // truncated
                Arguments.of("{\"agent\":\"a\",\"readings\":["),
                // two documents in one body
                Arguments.of("{\"agent\":\"a\"}{\"agent\":\"b\"}"));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void rejectsGarbage(String json) {
        assertThatThrownBy(() -> ProbeReportJson.parse(json, MAPPER))
                .isExactlyInstanceOf(ProbeFormatException.class)
                .hasMessageStartingWith("body is not a probe report");
    }

    @Test
    void neverThrowsAnythingButProbeFormatException() {
        Random random = new Random(42L);
        String seed = Fixtures.read("probe-report.json");
        String alphabet = "{}[]\":,0123456789.eE-+TZ truefalsn\\";
        for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder(seed);
            for (int e = 0; e < 1 + random.nextInt(3); e++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            try {
                ProbeReportJson.parse(text.toString(), MAPPER);
            } catch (ProbeFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
