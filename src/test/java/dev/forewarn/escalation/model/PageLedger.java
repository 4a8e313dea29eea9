package dev.forewarn.escalation.model;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** An in-memory store of a ticket's pages that applies step decisions the way the pipeline will, logging each. */
final class PageLedger {

    private final List<PageState> pages = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private long nextId = 1;

    List<PageState> pages() {
        return List.copyOf(pages);
    }

    /** What was decided, one line per decision: "0:07:30 page FIRST_RESPONSE half L1 #1". */
    List<String> log() {
        return log;
    }

    PageLedger with(PageState page) {
        pages.add(page);
        nextId = Math.max(nextId, page.id() + 1);
        return this;
    }

    void apply(List<StepDecision> decisions, Instant now) {
        for (StepDecision decision : decisions) {
            log.add(Ticket.offset(now) + " " + describe(decision));
            if (decision instanceof StepDecision.Page page) {
                pages.add(new PageState(nextId++, page.deadline(), page.stage(), page.tier(), now, null, null, false));
            } else if (decision instanceof StepDecision.Escalate escalate) {
                replace(escalate.fromPageId(), p -> new PageState(p.id(), p.deadline(), p.stage(), p.tier(),
                        p.pagedAt(), p.acknowledgedAt(), p.resolvedAt(), true));
                pages.add(new PageState(nextId++, escalate.deadline(), escalate.stage(), escalate.tier(), now, null,
                        null, false));
            } else if (decision instanceof StepDecision.Resolve resolve) {
                replace(resolve.pageId(), p -> new PageState(p.id(), p.deadline(), p.stage(), p.tier(), p.pagedAt(),
                        p.acknowledgedAt(), now, p.escalated()));
            }
        }
    }

    /** Acknowledges every open, unacknowledged page made at least {@code after} before {@code now}. */
    void acknowledgeOlderThan(Duration after, Instant now) {
        for (PageState p : List.copyOf(pages)) {
            if (p.isOpen() && !p.isAcknowledged() && !p.pagedAt().plus(after).isAfter(now)) {
                replace(p.id(), q -> new PageState(q.id(), q.deadline(), q.stage(), q.tier(), q.pagedAt(), now,
                        q.resolvedAt(), q.escalated()));
                log.add(Ticket.offset(now) + " ack #" + p.id());
            }
        }
    }

    static String describe(StepDecision decision) {
        if (decision instanceof StepDecision.Page p) {
            return "page " + p.deadline() + " " + p.stage() + " " + p.tier();
        } else if (decision instanceof StepDecision.Escalate e) {
            return "escalate #" + e.fromPageId() + " " + e.deadline() + " " + e.stage() + " " + e.tier();
        } else if (decision instanceof StepDecision.Resolve r) {
            return "resolve #" + r.pageId();
        }
        StepDecision.Superseded s = (StepDecision.Superseded) decision;
        return "superseded " + s.deadline() + " " + s.stage();
    }

    /**
     * Pages written as "id deadline stage tier pagedAt [ack t] [resolved t] [escalated]" separated by ';', times
     * as offsets from T0: "1 FIRST_RESPONSE half L1 2:00:00 ack 2:01:00".
     */
    static List<PageState> parse(String pages) {
        List<PageState> out = new ArrayList<>();
        if (pages == null || pages.isBlank()) {
            return out;
        }
        for (String one : pages.split(";")) {
            String[] t = one.trim().split("\\s+");
            Instant ack = null;
            Instant resolved = null;
            boolean escalated = false;
            for (int i = 5; i < t.length; i++) {
                switch (t[i]) {
                    case "ack" -> ack = Ticket.at(t[++i]);
                    case "resolved" -> resolved = Ticket.at(t[++i]);
                    case "escalated" -> escalated = true;
                    default -> throw new IllegalArgumentException("unknown page attribute " + t[i]);
                }
            }
            out.add(new PageState(Long.parseLong(t[0]), Deadline.valueOf(t[1]), t[2], Tier.valueOf(t[3]),
                    Ticket.at(t[4]), ack, resolved, escalated));
        }
        return out;
    }

    private void replace(long id, UnaryOperator<PageState> change) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).id() == id) {
                pages.set(i, change.apply(pages.get(i)));
                return;
            }
        }
        throw new AssertionError("no page #" + id);
    }
}
