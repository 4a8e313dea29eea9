package dev.forewarn.notify.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.http.FetchException;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.http.HttpReply;
import dev.forewarn.notify.model.DeliveryResult;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Posts JSON bodies over the shared {@link HttpFetcher} and reports an {@link HttpOutcome}, never an exception. */
public final class JsonPoster {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Longest reply body read; the rest is context nobody needs. */
    private static final int MAX_REPLY_BYTES = 64 * 1024;

    private final HttpFetcher client;

    /** Posts through {@code client}, which never follows a redirect: on a POST to a pager that is a misconfiguration. */
    public JsonPoster(HttpFetcher client) {
        if (client == null) {
            throw new IllegalArgumentException("client must not be null");
        }
        this.client = client;
    }

    /** POSTs {@code body} as {@code application/json} with extra headers; {@code timeout} bounds the whole exchange. */
    public CompletableFuture<HttpOutcome> post(URI uri, byte[] body, Map<String, String> headers, Duration timeout) {
        try {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Content-Type", "application/json");
            all.put("Accept", "application/json, text/plain;q=0.9, */*;q=0.8");
            all.putAll(headers);
            return client.send("POST", uri, all, body, requirePositive(timeout), MAX_REPLY_BYTES)
                    .handle((response, error) -> error == null ? toResponse(response) : toFailure(error));
        } catch (RuntimeException e) {
            // a bad URI or header is a configuration error; reporting it as IO keeps the "never throws" contract
            return CompletableFuture.completedFuture(new HttpOutcome.Failure(HttpOutcome.FailureKind.IO,
                    e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** {@link #post} followed by the shared classification, for channels that need nothing else from the reply. */
    public CompletableFuture<DeliveryResult> deliver(URI uri, byte[] body, Map<String, String> headers,
            Duration timeout) {
        return post(uri, body, headers, timeout).thenApply(HttpOutcome::toDeliveryResult);
    }

    /** A request body and the headers that go with it (a signature must cover the exact bytes). */
    public record Request(byte[] body, Map<String, String> headers) {
    }

    /**
     * Renders a page for {@code channel} and posts it: a page that cannot be rendered is a permanent failure,
     * anything unexpected while sending a retryable one — never an exception.
     */
    public CompletableFuture<DeliveryResult> deliver(String channel, URI uri, java.util.function.Supplier<Request> render,
            Duration timeout) {
        Request request;
        try {
            request = render.get();
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new DeliveryResult.Permanent(channel + ": cannot render page: " + e));
        }
        try {
            return deliver(uri, request.body(), request.headers(), timeout)
                    .exceptionally(e -> new DeliveryResult.Retryable(channel + ": " + e));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new DeliveryResult.Retryable(channel + ": " + e));
        }
    }

    /** A plain JSON request without extra headers. */
    public static Request json(JsonNode body) {
        return new Request(toBytes(body), Map.of());
    }

    /** Serializes a JSON tree to the exact bytes that are sent, so a signature can cover them. */
    public static byte[] toBytes(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            // a tree built from ObjectNodes always serializes; reaching here is a programming error
            throw new IllegalStateException("cannot serialize JSON tree", e);
        }
    }

    private static HttpOutcome toResponse(HttpReply response) {
        return new HttpOutcome.Response(response.status(), response.body(),
                response.header("Retry-After").flatMap(HttpOutcome::parseRetryAfter));
    }

    private static HttpOutcome toFailure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        HttpOutcome.FailureKind kind = !(cause instanceof FetchException f) ? HttpOutcome.FailureKind.IO
                : switch (f.kind()) {
                    case TIMEOUT -> HttpOutcome.FailureKind.TIMEOUT;
                    case CONNECT -> HttpOutcome.FailureKind.CONNECT;
                    default -> HttpOutcome.FailureKind.IO;
                };
        String message = cause.getMessage();
        return new HttpOutcome.Failure(kind, cause.getClass().getSimpleName()
                + (message == null || message.isBlank() ? "" : ": " + message));
    }

    private static Duration requirePositive(Duration d) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        return d;
    }
}
