package dev.forewarn.probe.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the JSON answer of the Prometheus HTTP API's instant query endpoint, {@code /api/v1/query}. */
public final class PrometheusQueryResponse {

    private PrometheusQueryResponse() {
    }

    /**
     * The series of a {@code vector} result, or a single label-less sample for a {@code scalar} result.
     *
     * @throws PrometheusQueryException when Prometheus reports {@code "status":"error"}
     * @throws ProbeFormatException     for any other answer that is not a vector or scalar success
     */
    public static List<VectorSample> parse(String json, ObjectMapper mapper) {
        JsonNode root = readTree(json, mapper);
        String status = text(root, "status");
        if ("error".equals(status)) {
            throw new PrometheusQueryException(textOr(root.get("errorType"), "unknown"),
                    textOr(root.get("error"), "(no message)"));
        }
        if (!"success".equals(status)) {
            throw new ProbeFormatException("status is " + describe(root.get("status")) + ", expected success or error");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new ProbeFormatException("data is missing or not an object");
        }
        String resultType = text(data, "resultType");
        JsonNode result = data.get("result");
        if (result == null || !result.isArray()) {
            throw new ProbeFormatException("data.result is missing or not an array");
        }
        if ("scalar".equals(resultType)) {
            return List.of(new VectorSample(Map.of(), sampleValue(result, "data.result")));
        }
        if (!"vector".equals(resultType)) {
            throw new ProbeFormatException("resultType is " + describe(data.get("resultType"))
                    + ", expected vector or scalar (use an instant query)");
        }
        List<VectorSample> samples = new ArrayList<>(result.size());
        for (int i = 0; i < result.size(); i++) {
            JsonNode series = result.get(i);
            String where = "data.result[" + i + "]";
            if (!series.isObject()) {
                throw new ProbeFormatException(where + " is not an object");
            }
            samples.add(new VectorSample(labels(series.get("metric"), where + ".metric"),
                    sampleValue(series.get("value"), where + ".value")));
        }
        return samples;
    }

    private static JsonNode readTree(String json, ObjectMapper mapper) {
        if (json == null) {
            throw new ProbeFormatException("body is missing");
        }
        JsonNode root;
        try {
            // Trailing text after the object means a truncated or concatenated reply, not a valid answer.
            root = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProbeFormatException("body is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ProbeFormatException("body is not a JSON object");
        }
        return root;
    }

    private static Map<String, String> labels(JsonNode metric, String where) {
        if (metric == null || !metric.isObject()) {
            throw new ProbeFormatException(where + " is missing or not an object");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : metric.properties()) {
            if (!field.getValue().isTextual()) {
                throw new ProbeFormatException(where + "." + field.getKey() + " is not a string");
            }
            labels.put(field.getKey(), field.getValue().asText());
        }
        return labels;
    }

    /** Reads {@code [unixSeconds, "value"]}; Prometheus sends the value as a string so NaN and ±Inf survive JSON. */
    private static double sampleValue(JsonNode pair, String where) {
        if (pair == null || !pair.isArray() || pair.size() != 2 || !pair.get(0).isNumber()
                || !pair.get(1).isTextual()) {
            throw new ProbeFormatException(where + " is not a [timestamp, \"value\"] pair");
        }
        Double value = PromNumbers.parseFloat(pair.get(1).asText());
        if (value == null) {
            throw new ProbeFormatException(where + " value " + describe(pair.get(1)) + " is not a number");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static String textOr(JsonNode node, String fallback) {
        return node != null && node.isTextual() ? node.asText() : fallback;
    }

    private static String describe(JsonNode node) {
        if (node == null) {
            return "missing";
        }
        String text = node.toString();
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
