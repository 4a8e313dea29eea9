package dev.forewarn.api;

import dev.forewarn.escalation.EscalationPlans;
import dev.forewarn.sla.SlaPlans;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.SlaPolicy;
import dev.forewarn.sla.model.TicketChange;
import dev.forewarn.sla.model.TicketHistory;
import dev.forewarn.sla.model.TicketStanding;
import dev.forewarn.sla.model.TicketStatus;
import dev.forewarn.ticket.TicketStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads tickets with their SLA standing for the API and the console. Filtering, ordering and paging use the verdict
 * the SLA watch stored at its last tick (next breach, breach flags, open pages: at most one evaluation interval old);
 * each returned ticket's clocks are then read afresh from its history at the request's instant.
 */
@ApplicationScoped
public class TicketQueries {

    /** Which tickets a list asks for; {@code state} is open, at-risk, breached, paused or all. */
    public record Filter(String state, Severity severity, String team, String customer, int limit, String cursor) {
    }

    private static final String TICKET_COLUMNS = "t.source, t.id, t.subject, t.severity, t.status, t.team, "
            + "t.customer_id, t.url, t.created_at, t.updated_at, t.first_response_at, t.next_breach_at";
    private static final String OPEN = "t.status NOT IN ('SOLVED', 'CLOSED')";
    private static final String BREACHED = "(t.first_response_breached OR t.resolution_breached OR t.next_breach_at <= :now)";

    @Inject
    SlaPlans plans;
    @Inject
    EscalationPlans escalationPlans;

    /** One page of tickets, soonest breach first (tickets without a running clock last). */
    public Uni<Paging.Page<TicketViews.TicketView>> list(Filter f, Instant now) {
        String[] after = Paging.key(f.cursor(), "tickets", 3);
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        switch (f.state()) {
            case "open" -> where.append(" AND ").append(OPEN);
            case "breached" -> where.append(" AND ").append(OPEN).append(" AND ").append(BREACHED);
            case "paused" -> where.append(" AND ").append(OPEN).append(" AND t.status IN (").append(pausing()).append(')');
            case "at-risk" -> where.append(" AND ").append(OPEN).append(" AND NOT ").append(BREACHED)
                    .append(" AND t.status NOT IN (").append(pausing()).append(')')
                    .append(" AND EXISTS (SELECT 1 FROM page p WHERE p.source = t.source AND p.ticket_id = t.id"
                            + " AND p.status <> 'RESOLVED')");
            default -> { }
        }
        if (where.indexOf(":now") >= 0) {
            params.put("now", now);
        }
        if (f.severity() != null) {
            where.append(" AND t.severity = :severity");
            params.put("severity", f.severity().name());
        }
        if (f.team() != null) {
            where.append(" AND t.team = :team");
            params.put("team", f.team());
        }
        if (f.customer() != null) {
            where.append(" AND t.customer_id = :customer");
            params.put("customer", f.customer());
        }
        StringBuilder page = new StringBuilder(where);
        Map<String, Object> pageParams = new HashMap<>(params);
        if (after != null) {
            pageParams.put("cs", after[1]);
            pageParams.put("ci", after[2]);
            if (after[0] == null) {
                page.append(" AND t.next_breach_at IS NULL AND (t.source, t.id) > (:cs, :ci)");
            } else {
                pageParams.put("cb", Instant.EPOCH.plus(Paging.number(after[0]), ChronoUnit.MICROS));
                page.append(" AND (t.next_breach_at > :cb OR t.next_breach_at IS NULL"
                        + " OR (t.next_breach_at = :cb AND (t.source, t.id) > (:cs, :ci)))");
            }
        }
        String select = "SELECT " + TICKET_COLUMNS + " FROM ticket t" + page
                + " ORDER BY t.next_breach_at ASC NULLS LAST, t.source, t.id LIMIT " + (f.limit() + 1);
        return Panache.withSession(() -> Panache.getSession().chain(s -> bind(s.createNativeQuery(
                        "SELECT count(*) FROM ticket t" + where, Long.class), params).getSingleResult()
                .chain(total -> bind(s.createNativeQuery(select, Object[].class), pageParams).getResultList()
                        .chain(rows -> {
                            List<Object[]> shown = Paging.cut(rows, f.limit());
                            String next = null;
                            if (rows.size() > f.limit()) {
                                Object[] last = shown.get(shown.size() - 1);
                                Instant b = TicketStore.toInstant(last[11]);
                                next = Paging.cursor("tickets", b == null ? null
                                        : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, b)),
                                        (String) last[0], (String) last[1]);
                            }
                            String nextCursor = next;
                            return views(s, shown, now).map(v -> new Paging.Page<>(v, total, nextCursor));
                        }))));
    }

    /** One ticket, or null when Forewarn has never seen it. */
    public Uni<TicketViews.TicketView> get(String source, String id, Instant now) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("SELECT "
                        + TICKET_COLUMNS + " FROM ticket t WHERE t.source = :source AND t.id = :id", Object[].class)
                .setParameter("source", source).setParameter("id", id).getResultList()
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().nullItem()
                        : views(s, rows, now).map(v -> v.get(0)))));
    }

    private Uni<List<TicketViews.TicketView>> views(Mutiny.Session s, List<Object[]> tickets, Instant now) {
        if (tickets.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < tickets.size(); i++) {
            in.append(i == 0 ? "" : ", ").append("(:s").append(i).append(", :i").append(i).append(')');
        }
        Mutiny.SelectionQuery<Object[]> changes = s.createNativeQuery("SELECT source, ticket_id, at, status, severity "
                + "FROM ticket_change WHERE (source, ticket_id) IN (" + in + ") ORDER BY source, ticket_id, seq",
                Object[].class);
        Mutiny.SelectionQuery<Object[]> pages = s.createNativeQuery("SELECT " + PagesResource.COLUMNS
                + " FROM page WHERE (source, ticket_id) IN (" + in + ") ORDER BY id", Object[].class);
        for (int i = 0; i < tickets.size(); i++) {
            changes.setParameter("s" + i, tickets.get(i)[0]).setParameter("i" + i, tickets.get(i)[1]);
            pages.setParameter("s" + i, tickets.get(i)[0]).setParameter("i" + i, tickets.get(i)[1]);
        }
        return changes.getResultList().chain(changeRows -> pages.getResultList().map(pageRows -> {
            Map<String, List<TicketChange>> history = new HashMap<>();
            for (Object[] c : changeRows) {
                history.computeIfAbsent(c[0] + "/" + c[1], k -> new ArrayList<>()).add(new TicketChange(
                        TicketStore.toInstant(c[2]), TicketStatus.valueOf((String) c[3]), Severity.valueOf((String) c[4])));
            }
            Map<String, List<PagesResource.PageView>> byTicket = pageRows.stream().map(PagesResource::view)
                    .collect(Collectors.groupingBy(PagesResource.PageView::ticket, LinkedHashMap::new,
                            Collectors.toList()));
            List<TicketViews.TicketView> out = new ArrayList<>(tickets.size());
            for (Object[] t : tickets) {
                String ref = t[0] + "/" + t[1];
                out.add(view(t, history.getOrDefault(ref, List.of()), byTicket.getOrDefault(ref, List.of()), now));
            }
            return out;
        }));
    }

    private TicketViews.TicketView view(Object[] t, List<TicketChange> changes, List<PagesResource.PageView> pages,
                                        Instant now) {
        String customer = (String) t[6];
        SlaPolicy policy = plans.forCustomer(customer);
        Instant created = TicketStore.toInstant(t[8]);
        // The history's first entry is at creation; a row without one (never expected) reads as its current state.
        List<TicketChange> h = changes.isEmpty() || !changes.get(0).at().equals(created)
                ? List.of(new TicketChange(created, TicketStatus.valueOf((String) t[4]), Severity.valueOf((String) t[3])))
                : changes;
        TicketHistory history = new TicketHistory(created, h, TicketStore.toInstant(t[10]));
        TicketStanding standing = TicketStanding.of(history, policy, escalationPlans.escalation().stages(), now);
        Instant next = standing.nextBreachAt();
        return new TicketViews.TicketView((String) t[0], (String) t[1], (String) t[2], TicketViews.lower((String) t[3]),
                TicketViews.lower((String) t[4]), (String) t[5], customer, policy.plan(), (String) t[7], created,
                TicketStore.toInstant(t[9]), standing.state().label(), next,
                next == null ? null : Duration.between(now, next).getSeconds(),
                TicketViews.DeadlineView.of(standing.firstResponse()), TicketViews.DeadlineView.of(standing.resolution()),
                pages, h.stream().map(c -> new TicketViews.ChangeView(c.at(), TicketViews.lower(c.status().name()),
                        TicketViews.lower(c.severity().name()))).toList());
    }

    private String pausing() {
        // '~' is no status: it keeps "IN ()" valid SQL when no plan pauses at all.
        return plans.pausingStatuses().stream().map(st -> "'" + st.name() + "'")
                .collect(Collectors.joining(", ", "'~', ", ""));
    }

    private static <Q extends Mutiny.SelectionQuery<?>> Q bind(Q q, Map<String, Object> params) {
        params.forEach(q::setParameter);
        return q;
    }
}
