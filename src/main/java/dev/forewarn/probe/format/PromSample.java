package dev.forewarn.probe.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One sample line of the Prometheus text exposition format.
 *
 * @param name   metric name
 * @param labels label names to unescaped values, in the order they appeared
 * @param value  sample value, possibly NaN or infinite
 */
public record PromSample(String name, Map<String, String> labels, double value) {
    public PromSample {
        Objects.requireNonNull(name, "name");
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(labels, "labels")));
    }

    /** The value of one label, or null when the sample does not carry it. */
    public String label(String labelName) {
        return labels.get(labelName);
    }
}
