package dev.forewarn.probe.format;

import java.util.regex.Pattern;

/** Parses float values as Prometheus writes them, rejecting what Java would accept but Prometheus never emits. */
final class PromNumbers {

    // Double.parseDouble also takes "1d", "0x1p3" and "Infinity"; a probe never sends those, so they are errors.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private PromNumbers() {
    }

    /** The value of {@code text}, or null when it is not a Prometheus float. */
    static Double parseFloat(String text) {
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "inf":
            case "+inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (text.length() > 400 || !DECIMAL.matcher(text).matches()) {
            return null;
        }
        return Double.parseDouble(text);
    }
}
