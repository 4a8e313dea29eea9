package dev.forewarn.probe.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One series of an instant-query result from the Prometheus HTTP API.
 *
 * @param labels the series' labels ({@code __name__} included when Prometheus kept it)
 * @param value  the sample value, possibly NaN or infinite
 */
public record VectorSample(Map<String, String> labels, double value) {
    public VectorSample {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(labels, "labels")));
    }
}
