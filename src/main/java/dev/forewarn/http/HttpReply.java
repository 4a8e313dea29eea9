package dev.forewarn.http;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a peer answered, whatever the status: for callers that act on error statuses and their headers (a
 * {@code Retry-After}) rather than treating every non-2xx as a failure.
 *
 * @param status    the HTTP status
 * @param body      the body decoded by its declared charset, cut at the caller's size limit
 * @param truncated whether the body was longer than the limit and cut
 */
public record HttpReply(int status, String body, boolean truncated, Map<String, String> headers) {

    public HttpReply {
        body = body == null ? "" : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The first value of a response header, by its name in any case. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
