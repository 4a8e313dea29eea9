package dev.forewarn.probe.format;

/** Signals that Prometheus answered a query with {@code "status":"error"}, keeping its error type and message. */
public final class PrometheusQueryException extends ProbeFormatException {

    private final String errorType;
    private final String error;

    public PrometheusQueryException(String errorType, String error) {
        super("Prometheus query failed: " + errorType + ": " + error);
        this.errorType = errorType;
        this.error = error;
    }

    /** Prometheus' error class, such as {@code bad_data}, {@code timeout} or {@code execution}. */
    public String errorType() {
        return errorType;
    }

    /** Prometheus' human-readable error message. */
    public String error() {
        return error;
    }
}
