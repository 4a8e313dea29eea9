package dev.forewarn.http;

import java.net.URI;

/** Signals why an HTTP fetch of a probe source failed, classified so pollers can act without parsing messages. */
public final class FetchException extends RuntimeException {

    /** The class of failure. */
    public enum Kind {
        /** The whole exchange did not finish within its deadline. */
        TIMEOUT,
        /** No connection could be made (refused, unresolvable, connect timeout). */
        CONNECT,
        /** The server answered with a status outside 2xx. */
        HTTP_STATUS,
        /** The body exceeded the allowed size and was cut off. */
        TOO_LARGE,
        /** Any other I/O failure, such as a reset connection or a malformed response. */
        IO
    }

    private final Kind kind;
    private final int status;
    private final String body;

    public FetchException(Kind kind, int status, String body, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.body = body;
    }

    static FetchException of(Kind kind, URI uri, String problem, Throwable cause) {
        return new FetchException(kind, 0, null, "GET " + uri + ": " + problem, cause);
    }

    static FetchException status(URI uri, int status, String body) {
        return new FetchException(Kind.HTTP_STATUS, status, body, "GET " + uri + ": HTTP status " + status, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status when {@link #kind()} is {@code HTTP_STATUS}, otherwise 0. */
    public int status() {
        return status;
    }

    /**
     * The start of the error body when {@link #kind()} is {@code HTTP_STATUS}, otherwise null; Prometheus puts
     * its {@code errorType} and {@code error} there on 400, 422 and 503 answers.
     */
    public String body() {
        return body;
    }
}
