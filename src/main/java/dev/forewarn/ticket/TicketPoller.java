package dev.forewarn.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.config.ConfigRules;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.polling.FetchFailures;
import dev.forewarn.polling.OnContext;
import dev.forewarn.polling.SourceHealth;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.TicketStatus;
import dev.forewarn.ticket.json.TicketJsonMapping;
import dev.forewarn.ticket.zendesk.NextPoll;
import dev.forewarn.ticket.zendesk.PollOutcome;
import dev.forewarn.ticket.zendesk.ZendeskClient;
import dev.forewarn.ticket.zendesk.ZendeskClientConfig;
import dev.forewarn.ticket.zendesk.ZendeskCursor;
import dev.forewarn.ticket.zendesk.ZendeskFirstReply;
import dev.forewarn.ticket.zendesk.ZendeskMapping;
import dev.forewarn.ticket.zendesk.ZendeskMappingConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Polls the configured ticket sources: Zendesk incrementally with a stored cursor (only changed tickets after the
 * first load), Forewarn JSON documents whole. Rate limits, server errors and garbage are metered and logged
 * once per new reason; the last known ticket state stays in place meanwhile.
 */
@ApplicationScoped
@Startup
public class TicketPoller {
    // One poll follows at most this many pages, so a large backlog cannot monopolise a tick.
    private static final int MAX_PAGES_PER_POLL = 20;
    /** Shortest shared secret a webhook ticket source accepts (characters). */
    public static final int MIN_WEBHOOK_SECRET = 16;

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private volatile BiConsumer<String, Duration> retryAfter = (source, wait) -> { };

    private final TicketIngest ingest;
    private final Clock clock;
    private final ObjectMapper mapper;

    private interface Source {
        Uni<Integer> poll();
    }

    /** Refuses a ticket source that cannot work — no URL, no token, a short webhook secret — naming the key. */
    public static void checkSources(ForewarnConfig config) {
        new TreeMap<>(config.tickets().sources()).forEach((name, source) -> {
            String key = "forewarn.tickets.sources." + name;
            switch (source.type()) {
                case ZENDESK -> {
                    ConfigRules.httpUrl(ConfigRules.required(source.url(), key + ".url"), key + ".url");
                    ConfigRules.required(source.token(), key + ".token");
                    source.priorities().forEach((priority, severity) -> {
                        if (!Set.of("urgent", "important", "general").contains(severity.toLowerCase(Locale.ROOT))) {
                            throw new IllegalStateException(key + ".priorities." + priority
                                    + " must be urgent, important or general");
                        }
                    });
                }
                case JSON -> ConfigRules.httpUrl(ConfigRules.required(source.url(), key + ".url"), key + ".url");
                case WEBHOOK -> {
                    if (source.secret().filter(s -> s.strip().length() >= MIN_WEBHOOK_SECRET).isEmpty()) {
                        throw new IllegalStateException(key + ".secret must be set (at least " + MIN_WEBHOOK_SECRET
                                + " characters) for a webhook source");
                    }
                }
            }
            if (source.type() != ForewarnConfig.TicketSourceType.WEBHOOK) {
                ConfigRules.positive(source.interval(), key + ".interval");
                ConfigRules.positive(source.timeout(), key + ".timeout");
            }
        });
    }

    @Inject
    public TicketPoller(ForewarnConfig config, MeterRegistry registry, TicketIngest ingest, Clock clock,
                        ObjectMapper mapper, HttpFetcher fetcher) {
        this.ingest = ingest;
        this.clock = clock;
        this.mapper = mapper;
        checkSources(config);
        new TreeMap<>(config.tickets().sources()).forEach((name, source) -> {
            SourceHealth health = new SourceHealth("ticket", name, source.type().name().toLowerCase(Locale.ROOT),
                    registry);
            switch (source.type()) {
                case ZENDESK -> sources.put(name, new Zendesk(name, source, health, fetcher));
                case JSON -> sources.put(name, new Json(name, source, health, fetcher));
                case WEBHOOK -> {
                    // Pushed events arrive through TicketWebhookResource; nothing to poll.
                }
            }
        });
    }

    /**
     * Lets the scheduler poll a source again after a wait its server asked for (a {@code Retry-After}), rather than at
     * the source's next interval; the callback gets the source name and the wait.
     */
    public void onRetryAfter(BiConsumer<String, Duration> scheduleRetry) {
        this.retryAfter = scheduleRetry;
    }

    /** Forgets every source's wait (back-off, Retry-After) so the next poll asks at once; for tests. */
    public void forgetWaits() {
        sources.values().forEach(s -> {
            if (s instanceof Zendesk z) {
                z.notBefore = Instant.EPOCH;
                z.failures = 0;
            }
        });
    }

    public java.util.Set<String> polledSources() {
        return sources.keySet();
    }

    /** Polls one source once; returns how many tickets were stored. */
    public Uni<Integer> poll(String name) {
        Source s = sources.get(name);
        return s == null ? Uni.createFrom().item(0) : s.poll();
    }

    /** Polls every source once, one after the other. */
    public Uni<Integer> pollAll() {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (String name : sources.keySet()) {
            chain = chain.chain(n -> poll(name).map(m -> m + n));
        }
        return chain;
    }

    /** Tickets ready to store, and whether every lookup behind them succeeded. */
    private record Refined(List<TicketSnapshot> tickets, boolean clean) {
    }

    private static TicketSnapshot withFirstResponse(TicketSnapshot t, Instant at) {
        return new TicketSnapshot(t.source(), t.id(), t.subject(), t.severity(), t.status(), t.team(), t.customerId(),
                t.createdAt(), t.updatedAt(), at, t.solvedAt(), t.url());
    }

    private static String required(Optional<String> value, String key) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(key + " is required"));
    }

    /** Zendesk incremental export with a cursor stored in ticket_cursor. */
    private final class Zendesk implements Source {
        private final String name;
        private final ZendeskClient client;
        private final ZendeskCursor cursorPolicy;
        private final SourceHealth health;
        private final Duration lookback = Duration.ofDays(90);
        private volatile Instant notBefore = Instant.EPOCH;
        private volatile int failures;
        private final AtomicBoolean polling = new AtomicBoolean();
        private final ZendeskFirstReply firstReplies = new ZendeskFirstReply(mapper);

        Zendesk(String name, ForewarnConfig.TicketSource c, SourceHealth health, HttpFetcher fetcher) {
            String key = "forewarn.tickets.sources." + name;
            String url = required(c.url(), key + ".url");
            ZendeskClientConfig.Credentials credentials = c.email().isPresent()
                    ? new ZendeskClientConfig.ApiToken(c.email().get(), required(c.token(), key + ".token"))
                    : new ZendeskClientConfig.Bearer(required(c.token(), key + ".token"));
            ZendeskClientConfig clientConfig = new ZendeskClientConfig(URI.create(url), c.timeout(), credentials,
                    c.maxBodyBytes());
            Map<String, Severity> priorities = new LinkedHashMap<>(ZendeskMappingConfig.DEFAULT_PRIORITIES);
            c.priorities().forEach((p, sev) -> priorities.put(p, Severity.valueOf(sev.toUpperCase(Locale.ROOT))));
            ZendeskMappingConfig mappingConfig = new ZendeskMappingConfig(name, priorities, Severity.GENERAL,
                    c.groups(), c.organizations(), c.agentUrl().orElse(url));
            this.name = name;
            this.client = new ZendeskClient(clientConfig, new ZendeskMapping(mappingConfig, mapper()), fetcher);
            this.cursorPolicy = new ZendeskCursor(c.interval(), Duration.ofSeconds(5), Duration.ofMinutes(5), 0.2);
            this.health = health;
        }

        @Override
        public Uni<Integer> poll() {
            Instant now = clock.instant();
            // A retry after Retry-After and the interval's tick may meet; the cursor allows one poll at a time.
            if (now.isBefore(notBefore) || !polling.compareAndSet(false, true)) {
                return Uni.createFrom().item(0);
            }
            long started = System.nanoTime();
            return loadCursor().chain(cursor -> page(cursor, 0, 0))
                    .invoke(() -> health.timed(Duration.ofNanos(System.nanoTime() - started)))
                    .eventually(() -> polling.set(false));
        }

        private Uni<Integer> page(String cursor, int pages, int stored) {
            Instant now = clock.instant();
            return OnContext.call(() -> client.fetch(cursor, now.minus(lookback)))
                    .chain(outcome -> {
                        NextPoll next = cursorPolicy.next(cursor, outcome, failures + 1, now,
                                ThreadLocalRandom.current().nextDouble());
                        if (outcome instanceof PollOutcome.Page p) {
                            failures = 0;
                            if (!p.page().skipped().isEmpty()) {
                                health.failed("malformed", p.page().skipped().size() + " ticket(s) skipped, first: "
                                        + p.page().skipped().get(0));
                            }
                            return exactFirstReplies(p.page().tickets()).chain(refined -> {
                                health.succeeded(now, p.page().skipped().isEmpty() && refined.clean());
                                return ingest.ingest(refined.tickets(), now);
                            })
                                    .chain(n -> saveCursor(next.cursor(), now).replaceWith(n))
                                    .chain(n -> next.reason() == NextPoll.Reason.MORE_PAGES
                                            && pages + 1 < MAX_PAGES_PER_POLL
                                            ? page(next.cursor(), pages + 1, stored + n)
                                            : Uni.createFrom().item(stored + n));
                        }
                        notBefore = next.at();
                        if (outcome instanceof PollOutcome.RateLimited r) {
                            health.failed("rate_limited", "HTTP 429, retrying after " + r.retryAfter());
                            // The next scheduled poll may be a whole interval away: ask for one exactly then.
                            retryAfter.accept(name, r.retryAfter());
                        } else if (outcome instanceof PollOutcome.Failed f) {
                            failures++;
                            health.failed(f.kind(), f.reason()
                                    + (f.retryable() ? "" : " (not retryable: check the credentials and URL)"));
                        }
                        return Uni.createFrom().item(stored);
                    });
        }

        /**
         * Replaces the export's whole-minute first reply of each open ticket by the exact time of the first public
         * agent comment; where the comments cannot be read the minute value stays and the failure is reported.
         * Solved and closed tickets keep the minute value: their first-response clock no longer pages anyone.
         */
        private Uni<Refined> exactFirstReplies(List<TicketSnapshot> tickets) {
            AtomicBoolean clean = new AtomicBoolean(true);
            return Multi.createFrom().iterable(tickets)
                    .onItem().transformToUni(t -> t.firstResponseAt() == null
                            || t.status() == TicketStatus.SOLVED || t.status() == TicketStatus.CLOSED
                            ? Uni.createFrom().item(t)
                            : OnContext.call(() -> client.firstReply(t.id(), firstReplies)).map(reply -> {
                                if (reply.failure() != null) {
                                    clean.set(false);
                                    health.failed(reply.failure().kind(), "comments of ticket " + t.id() + ": "
                                            + reply.failure().reason() + "; using the export's whole-minute reply time");
                                    return t;
                                }
                                return reply.at().map(at -> withFirstResponse(t, at)).orElse(t);
                            }))
                    .merge(4)
                    .collect().asList()
                    .map(list -> new Refined(list, clean.get()));
        }

        private Uni<String> loadCursor() {
            return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                            "SELECT cursor FROM ticket_cursor WHERE source = :source", String.class)
                    .setParameter("source", name).getResultList()))
                    .map(l -> l.isEmpty() ? null : l.get(0));
        }

        private Uni<Void> saveCursor(String cursor, Instant now) {
            return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                            INSERT INTO ticket_cursor (source, cursor, updated_at) VALUES (:source, :cursor, :now)
                            ON CONFLICT (source) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at""")
                    .setParameter("source", name).setParameter("cursor", cursor).setParameter("now", now)
                    .executeUpdate())).replaceWithVoid();
        }
    }

    /** A Forewarn JSON ticket document polled whole. */
    private final class Json implements Source {
        private final String name;
        private final ForewarnConfig.TicketSource config;
        private final SourceHealth health;
        private final HttpFetcher fetcher;

        Json(String name, ForewarnConfig.TicketSource config, SourceHealth health, HttpFetcher fetcher) {
            required(config.url(), "forewarn.tickets.sources." + name + ".url");
            this.name = name;
            this.config = config;
            this.health = health;
            this.fetcher = fetcher;
        }

        @Override
        public Uni<Integer> poll() {
            Instant now = clock.instant();
            long started = System.nanoTime();
            URI uri = URI.create(config.url().orElseThrow());
            return OnContext.call(() -> fetcher.get(uri, config.timeout(), config.maxBodyBytes(), Map.of()))
                    .map(body -> {
                        try {
                            return TicketJsonMapping.validate(TicketJsonMapping.parse(body, mapper()), name, now);
                        } catch (dev.forewarn.ticket.json.TicketFormatException e) {
                            throw new java.util.concurrent.CompletionException(e);
                        }
                    })
                    .chain(v -> {
                        if (!v.rejected().isEmpty()) {
                            health.failed("rejected", v.rejected().size() + " ticket(s) rejected, first: "
                                    + v.rejected().get(0));
                        }
                        health.succeeded(now, v.rejected().isEmpty());
                        return ingest.ingest(v.accepted(), now);
                    })
                    .onFailure().recoverWithItem(e -> {
                        health.failed(FetchFailures.reason(e), FetchFailures.detail(uri.toString(), e));
                        return 0;
                    })
                    .invoke(() -> health.timed(Duration.ofNanos(System.nanoTime() - started)));
        }
    }

    private ObjectMapper mapper() {
        return mapper;
    }
}
