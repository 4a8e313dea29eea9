package dev.forewarn.http;

import dev.forewarn.polling.ReasonedFailure;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Signals why an outbound HTTP exchange failed, classified so callers can act without parsing messages. */
public final class FetchException extends RuntimeException implements ReasonedFailure {

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

    /** A failure of the exchange {@code target} ("GET http://…"). */
    static FetchException of(Kind kind, String target, String problem, Throwable cause) {
        return new FetchException(kind, 0, null, target + ": " + problem, cause);
    }

    static FetchException status(String target, int status, String body) {
        return new FetchException(Kind.HTTP_STATUS, status, body, target + ": HTTP status " + status, null);
    }

    /** The failure of the exchange {@code target} that {@code failure}, as the HTTP client reported it, means. */
    static FetchException classify(String target, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof FetchException fetch) {
                return fetch;
            }
        }
        if (cause instanceof CancellationException) {
            return of(Kind.IO, target, "cancelled", cause);
        }
        // Netty's ConnectTimeoutException is a ConnectException: either way the node is unreachable.
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause.getCause() instanceof ConnectException) {
            return of(Kind.CONNECT, target, "cannot connect: " + cause, cause);
        }
        return of(Kind.IO, target, String.valueOf(cause), cause);
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

    @Override
    public String reason() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
