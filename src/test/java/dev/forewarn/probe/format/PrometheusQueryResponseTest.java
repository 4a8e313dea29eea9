package dev.forewarn.probe.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrometheusQueryResponseTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsAVectorWithLabelsAndSpecialValues() {
        List<VectorSample> samples = PrometheusQueryResponse.parse(Fixtures.read("prom-query-rtt.json"), MAPPER);

        assertThat(samples).hasSize(4);
        assertThat(samples.get(0)).isEqualTo(new VectorSample(Map.of("instance", "edge-fra-01.rtc.example.net",
                "job", "blackbox-icmp", "node", "edge-fra-01", "region", "eu-fra"), 0.0421875));
        assertThat(samples.get(2).value()).isNaN();
        assertThat(samples.get(3).value()).isInfinite();
    }

    static Stream<Arguments> successes() {
        return Stream.of(
                // a scalar result becomes one sample without labels
                Arguments.of(Fixtures.read("prom-query-scalar.json"), List.of(new VectorSample(Map.of(), 0.025))),
                // an empty vector (no series matched) is not an error; warnings are ignored
                Arguments.of(Fixtures.read("prom-query-empty.json"), List.of()),
                // an integer timestamp and -Inf value
                Arguments.of("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                        + "[{\"metric\":{},\"value\":[1776852930,\"-Inf\"]}]}}",
                        List.of(new VectorSample(Map.of(), Double.NEGATIVE_INFINITY))));
    }

    @ParameterizedTest
    @MethodSource("successes")
    void readsSuccessfulAnswers(String json, List<VectorSample> expected) {
        assertThat(PrometheusQueryResponse.parse(json, MAPPER)).isEqualTo(expected);
    }

    @Test
    void keepsPrometheusErrorTypeAndMessage() {
        assertThatThrownBy(() -> PrometheusQueryResponse.parse(Fixtures.read("prom-query-error.json"), MAPPER))
                .isInstanceOfSatisfying(PrometheusQueryException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("bad_data");
                    assertThat(e.error()).startsWith("invalid parameter \"query\"");
                    assertThat(e.getMessage()).startsWith("Prometheus query failed: bad_data: invalid parameter");
                });
    }

    static Stream<Arguments> unusableAnswers() {
        return Stream.of(
                // a range query's matrix cannot be read as one instant
                Arguments.of(Fixtures.read("prom-query-matrix.json"), "resultType is \"matrix\""),
                // a string result
                Arguments.of("{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"x\"]}}",
                        "resultType is \"string\""),
                // not JSON at all (an HTML error page from a proxy)
                Arguments.of("<html><body>502 Bad Gateway</body></html>", "body is not JSON"),
                // a JSON body truncated mid-way
                Arguments.of("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[", "body is not JSON"),
                // trailing text after the object
                Arguments.of("{\"status\":\"success\"} {}", "body is not JSON"),
                // an empty body
                Arguments.of("", "body is not a JSON object"),
                // JSON but not an object
                Arguments.of("[1,2]", "body is not a JSON object"),
                // no status
                Arguments.of("{\"data\":{}}", "status is missing"),
                // an unknown status
                Arguments.of("{\"status\":\"partial\"}", "status is \"partial\""),
                // success without data
                Arguments.of("{\"status\":\"success\"}", "data is missing"),
                // result not an array
                Arguments.of("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":{}}}",
                        "data.result is missing or not an array"),
                // a series without metric
                Arguments.of("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                        + "[{\"value\":[1,\"1\"]}]}}", "data.result[0].metric is missing"),
                // a label that is not a string
                Arguments.of("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                        + "[{\"metric\":{\"region\":7},\"value\":[1,\"1\"]}]}}", "data.result[0].metric.region is not a string"),
                // a value sent as a JSON number instead of a string
                Arguments.of("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                        + "[{\"metric\":{},\"value\":[1,0.5]}]}}", "data.result[0].value is not a [timestamp, \"value\"] pair"),
                // a value string that is not a number
                Arguments.of("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
                        + "[{\"metric\":{},\"value\":[1,\"fast\"]}]}}", "data.result[0].value value \"fast\" is not a number"),
                // an error without details still names itself
                Arguments.of("{\"status\":\"error\"}", "Prometheus query failed: unknown: (no message)"));
    }

    @ParameterizedTest
    @MethodSource("unusableAnswers")
    void rejectsUnusableAnswers(String json, String message) {
        assertThatThrownBy(() -> PrometheusQueryResponse.parse(json, MAPPER))
                .isInstanceOf(ProbeFormatException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void neverThrowsAnythingButProbeFormatException() {
        Random random = new Random(7L);
        String seed = Fixtures.read("prom-query-rtt.json");
        String alphabet = "{}[]\":,0123456789.eE-+NaInf truels\\";
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
                PrometheusQueryResponse.parse(text.toString(), MAPPER);
            } catch (ProbeFormatException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
