package dev.forewarn.ticket.zendesk;

import dev.forewarn.config.ConfigRules;
import dev.forewarn.polling.OnContext;
import dev.forewarn.polling.SourceHealth;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.TicketStatus;
import dev.forewarn.ticket.PolledTicketSource;
import dev.forewarn.ticket.TicketSnapshot;
import dev.forewarn.ticket.TicketSourceContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Zendesk account polled through its incremental export, only changed tickets after the first load, with the
 * cursor stored in ticket_cursor. Rate limits, server errors and garbage are metered and logged once per new
 * reason; the last known ticket state stays in place meanwhile.
 */
final class ZendeskSource implements PolledTicketSource {
    // One poll follows at most this many pages, so a large backlog cannot monopolise a tick.
    private static final int MAX_PAGES_PER_POLL = 20;

    private final String name;
    private final TicketSourceContext context;
    private final Clock clock;
    private final Set<String> teams;
    private final ZendeskClient client;
    private final ZendeskCursor cursorPolicy;
    private final SourceHealth health;
    private final Duration lookback = Duration.ofDays(90);
    private volatile Instant notBefore = Instant.EPOCH;
    private volatile int failures;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final ZendeskFirstReply firstReplies;

    ZendeskSource(TicketSourceContext context, ZendeskSettings.Source c) {
        String name = context.name();
        String url = ConfigRules.required(c.url(), context.key("url"));
        String token = ConfigRules.required(c.token(), context.key("token"));
        ZendeskClientConfig.Credentials credentials = c.email().isPresent()
                ? new ZendeskClientConfig.ApiToken(c.email().get(), token)
                : new ZendeskClientConfig.Bearer(token);
        ZendeskClientConfig clientConfig = new ZendeskClientConfig(URI.create(url), context.settings().timeout(),
                credentials, context.settings().maxBodyBytes());
        Map<String, Severity> priorities = new LinkedHashMap<>(ZendeskMappingConfig.DEFAULT_PRIORITIES);
        c.priorities().forEach((p, sev) -> priorities.put(p, Severity.valueOf(sev.toUpperCase(Locale.ROOT))));
        ZendeskMappingConfig mappingConfig = new ZendeskMappingConfig(name, priorities, Severity.GENERAL,
                c.groups(), c.organizations(), c.agentUrl().orElse(url));
        this.name = name;
        this.context = context;
        this.clock = context.clock();
        this.teams = Set.copyOf(c.groups().values());
        this.firstReplies = new ZendeskFirstReply(context.mapper());
        this.client = new ZendeskClient(clientConfig, new ZendeskMapping(mappingConfig, context.mapper()),
                context.http());
        this.cursorPolicy = new ZendeskCursor(context.settings().interval(), Duration.ofSeconds(5),
                Duration.ofMinutes(5), 0.2);
        this.health = context.health();
    }

    @Override
    public void forgetWaits() {
        notBefore = Instant.EPOCH;
        failures = 0;
    }

    @Override
    public Set<String> teams() {
        return teams;
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
                            return context.ingest().ingest(refined.tickets(), now);
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
                        context.retryAfter().accept(name, r.retryAfter());
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

    /** Tickets ready to store, and whether every lookup behind them succeeded. */
    private record Refined(List<TicketSnapshot> tickets, boolean clean) {
    }

    private static TicketSnapshot withFirstResponse(TicketSnapshot t, Instant at) {
        return new TicketSnapshot(t.source(), t.id(), t.subject(), t.severity(), t.status(), t.team(), t.customerId(),
                t.createdAt(), t.updatedAt(), at, t.solvedAt(), t.url());
    }
}
