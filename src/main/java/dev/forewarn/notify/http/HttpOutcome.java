package dev.forewarn.notify.http;

import dev.forewarn.notify.model.DeliveryResult;
import java.time.Duration;
import java.util.Optional;

/** What one HTTP POST produced, and the single place that maps it to a {@link DeliveryResult}. */
public sealed interface HttpOutcome {

    /** Longest slice of a response body copied into a failure reason, so an HTML error page cannot flood logs. */
    int MAX_BODY_IN_REASON = 200;

    /** The peer answered; {@code retryAfter} is the parsed {@code Retry-After} header in seconds, if any. */
    record Response(int status, String body, Optional<Duration> retryAfter) implements HttpOutcome {
        public Response {
            body = body == null ? "" : body;
            retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
        }
    }

    /** No answer: the request timed out, the connection failed, or the exchange broke. */
    record Failure(FailureKind kind, String detail) implements HttpOutcome {
    }

    /** Why no answer arrived. */
    enum FailureKind {
        TIMEOUT, CONNECT, IO
    }

    /** Maps the outcome to a delivery result the outbox acts on. */
    default DeliveryResult toDeliveryResult() {
        if (this instanceof Failure f) {
            // a peer that did not answer may be back in a moment; the outbox's backoff bounds the retries
            return new DeliveryResult.Retryable(f.kind().name().toLowerCase() + ": " + f.detail());
        }
        Response r = (Response) this;
        int status = r.status();
        if (status >= 200 && status < 300) {
            return new DeliveryResult.Delivered();
        }
        if (status == 429) {
            return new DeliveryResult.Retryable("HTTP 429 rate limited", r.retryAfter());
        }
        if (status == 408 || status >= 500) {
            // a 503 may say when to come back, like a 429
            return new DeliveryResult.Retryable("HTTP " + status + bodySuffix(r.body()), r.retryAfter());
        }
        // any other status (4xx, or a stray 1xx/3xx the client did not follow) will fail the same way again
        return new DeliveryResult.Permanent("HTTP " + status + bodySuffix(r.body()));
    }

    /**
     * Parses a {@code Retry-After} value given in delta-seconds; HTTP-dates are ignored because turning them
     * into a wait needs a clock the caller owns, and the outbox's own backoff then applies.
     */
    static Optional<Duration> parseRetryAfter(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.strip();
        if (!value.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }

    private static String bodySuffix(String body) {
        String flat = body.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "";
        }
        return ": " + (flat.length() <= MAX_BODY_IN_REASON ? flat : flat.substring(0, MAX_BODY_IN_REASON) + "…");
    }
}
