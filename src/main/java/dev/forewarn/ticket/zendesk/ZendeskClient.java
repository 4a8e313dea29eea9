package dev.forewarn.ticket.zendesk;

import dev.forewarn.http.FetchException;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.http.HttpReply;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
    private final HttpFetcher http;

    /** A client sending over {@code http}, which never follows redirects. */
    public ZendeskClient(ZendeskClientConfig config, ZendeskMapping mapping, HttpFetcher http) {
        this.config = Objects.requireNonNull(config, "config");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * Requests the page after {@code cursorOrNull}, or the first page from {@code startTime} when there is no cursor
     * yet; the future always completes normally.
     */
    public CompletableFuture<PollOutcome> fetch(String cursorOrNull, Instant startTime) {
        CompletableFuture<HttpReply> reply;
        try {
            reply = get(exportUri(cursorOrNull, startTime));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    new PollOutcome.Failed("cannot build request: " + e.getMessage(), false));
        }
        return reply.thenApply(this::toOutcome).exceptionally(ZendeskClient::fromError);
    }

    /**
     * Reads the exact time of a ticket's first public agent reply from its comments; the future always completes
     * normally: a page, or empty when none is found, or a {@link PollOutcome.Failed}.
     */
    public CompletableFuture<FirstReply> firstReply(String ticketId, ZendeskFirstReply reader) {
        return get(URI.create(base() + ZendeskFirstReply.path(ticketId)))
                .thenApply(response -> {
                    if (response.status() != 200 || response.truncated()) {
                        PollOutcome outcome = toOutcome(response);
                        return outcome instanceof PollOutcome.Failed f ? new FirstReply(Optional.empty(), f)
                                : new FirstReply(Optional.empty(), new PollOutcome.Failed("HTTP "
                                        + response.status(), true, "rate_limited"));
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

    private CompletableFuture<HttpReply> get(URI uri) {
        return http.send("GET", uri, Map.of("Authorization", config.credentials().authorizationHeader(),
                "Accept", "application/json"), null, config.requestTimeout(), config.maxBodyBytes());
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

    private PollOutcome toOutcome(HttpReply response) {
        int status = response.status();
        if (status == 200 && response.truncated()) {
            return new PollOutcome.Failed("page larger than " + config.maxBodyBytes() + " bytes", true, "too_large");
        }
        if (status == 200) {
            try {
                return new PollOutcome.Page(mapping.parse(response.body()));
            } catch (ZendeskFormatException e) {
                // A 200 we cannot read is usually a proxy or maintenance page, which passes; backing off is cheap.
                return new PollOutcome.Failed("unreadable page: " + e.getMessage(), true, "malformed");
            }
        }
        if (status == 429) {
            return new PollOutcome.RateLimited(retryAfter(response.header("Retry-After")));
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
        if (cause instanceof FetchException f) {
            return switch (f.kind()) {
                case TIMEOUT -> new PollOutcome.Failed("timed out: " + f.getMessage(), true, "timeout");
                case CONNECT -> new PollOutcome.Failed("cannot connect: " + f.getMessage(), true, "connect");
                default -> new PollOutcome.Failed("I/O error: " + f.getMessage(), true, "io");
            };
        }
        return new PollOutcome.Failed("unexpected error: " + cause, true, "io");
    }
}
