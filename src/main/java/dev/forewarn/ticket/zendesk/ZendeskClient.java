package dev.forewarn.ticket.zendesk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Fetches one page of Zendesk's incremental cursor ticket export and reports the result as a {@link PollOutcome}.
 */
public final class ZendeskClient {

    static final String EXPORT_PATH = "/api/v2/incremental/tickets/cursor.json";
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);
    private static final int MAX_REASON_BODY = 200;

    private final ZendeskClientConfig config;
    private final ZendeskMapping mapping;
    private final HttpClient http;

    public ZendeskClient(ZendeskClientConfig config, ZendeskMapping mapping, HttpClient http) {
        this.config = Objects.requireNonNull(config, "config");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** An HTTP client suited to this client: connection attempts bounded by the request timeout. */
    public static HttpClient defaultHttpClient(ZendeskClientConfig config) {
        return HttpClient.newBuilder()
                .connectTimeout(config.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Requests the page after {@code cursorOrNull}, or the first page from {@code startTime} when there is no cursor
     * yet; the future always completes normally.
     */
    public CompletableFuture<PollOutcome> fetch(String cursorOrNull, Instant startTime) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(exportUri(cursorOrNull, startTime))
                    .timeout(config.requestTimeout())
                    .header("Authorization", config.credentials().authorizationHeader())
                    .header("Accept", "application/json")
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    new PollOutcome.Failed("cannot build request: " + e.getMessage(), false));
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(this::toOutcome)
                .exceptionally(ZendeskClient::fromError);
    }

    /**
     * Reads the exact time of a ticket's first public agent reply from its comments; the future always completes
     * normally: a page, or empty when none is found, or a {@link PollOutcome.Failed}.
     */
    public CompletableFuture<FirstReply> firstReply(String ticketId, ZendeskFirstReply reader) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + ZendeskFirstReply.path(ticketId)))
                .timeout(config.requestTimeout())
                .header("Authorization", config.credentials().authorizationHeader())
                .header("Accept", "application/json")
                .GET()
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        PollOutcome outcome = toOutcome(response);
                        return outcome instanceof PollOutcome.Failed f ? new FirstReply(Optional.empty(), f)
                                : new FirstReply(Optional.empty(), new PollOutcome.Failed("HTTP "
                                        + response.statusCode(), true, "rate_limited"));
                    }
                    try {
                        return new FirstReply(reader.firstPublicAgentReply(response.body()), null);
                    } catch (ZendeskFormatException e) {
                        return new FirstReply(Optional.empty(),
                                new PollOutcome.Failed("unreadable comments: " + e.getMessage(), true, "malformed"));
                    }
                })
                .exceptionally(e -> new FirstReply(Optional.empty(), (PollOutcome.Failed) fromError(e)));
    }

    /** The first public agent reply found in a ticket's comments, or why they could not be read. */
    public record FirstReply(Optional<Instant> at, PollOutcome.Failed failure) {
    }

    private String base() {
        String base = config.baseUrl().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    URI exportUri(String cursorOrNull, Instant startTime) {
        String base = base();
        String query = cursorOrNull != null
                ? "cursor=" + URLEncoder.encode(cursorOrNull, StandardCharsets.UTF_8)
                : "start_time=" + Objects.requireNonNull(startTime, "startTime is needed without a cursor")
                        .getEpochSecond();
        return URI.create(base + EXPORT_PATH + "?" + query + "&include=metric_sets");
    }

    private PollOutcome toOutcome(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200) {
            try {
                return new PollOutcome.Page(mapping.parse(response.body()));
            } catch (ZendeskFormatException e) {
                // A 200 we cannot read is usually a proxy or maintenance page, which passes; backing off is cheap.
                return new PollOutcome.Failed("unreadable page: " + e.getMessage(), true, "malformed");
            }
        }
        if (status == 429) {
            return new PollOutcome.RateLimited(retryAfter(response.headers().firstValue("Retry-After")));
        }
        String reason = "HTTP " + status + bodyExcerpt(response.body());
        if (status >= 500 || status == 408) {
            return new PollOutcome.Failed(reason, true);
        }
        return new PollOutcome.Failed(reason, false);
    }

    static Duration retryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.get().trim());
            return seconds < 0 ? DEFAULT_RETRY_AFTER : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            // Zendesk sends seconds; an HTTP-date or garbage falls back to the documented default.
            return DEFAULT_RETRY_AFTER;
        }
    }

    private static String bodyExcerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return ": " + (flat.length() <= MAX_REASON_BODY ? flat : flat.substring(0, MAX_REASON_BODY) + "…");
    }

    private static PollOutcome fromError(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return new PollOutcome.Failed("timed out: " + cause.getMessage(), true, "timeout");
        }
        if (cause instanceof java.net.ConnectException) {
            return new PollOutcome.Failed("cannot connect: " + cause, true, "connect");
        }
        if (cause instanceof IOException) {
            return new PollOutcome.Failed("I/O error: " + cause, true, "io");
        }
        return new PollOutcome.Failed("unexpected error: " + cause, true, "io");
    }
}
