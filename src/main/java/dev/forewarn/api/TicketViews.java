package dev.forewarn.api;

import dev.forewarn.sla.model.ClockReading;
import dev.forewarn.sla.model.TicketStanding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The tickets API's response records: a ticket with both SLA clocks, its warning stage, pages and history. */
public final class TicketViews {
    private TicketViews() {
    }

    /**
     * One deadline. {@code dueAt} is when it breaches if the clock keeps running (null while paused or once met);
     * {@code remainingSeconds} is the business time left (negative: overdue; kept while paused, null once met).
     */
    public record DeadlineView(String state, long targetSeconds, Instant dueAt, Long remainingSeconds, boolean paused,
                               Instant pausedSince, boolean met, Instant metAt, boolean breached, String stage,
                               String stageTier) {
        static DeadlineView of(TicketStanding.DeadlineStanding d) {
            ClockReading r = d.clock();
            return new DeadlineView(d.state().label(), r.target().getSeconds(), r.breachAt(),
                    r.met() ? null : seconds(r.remaining()), r.paused(), d.pausedSince(), r.met(), r.metAt(),
                    r.breached(), d.stage() == null ? null : d.stage().name(),
                    d.stage() == null ? null : d.stage().tier().name());
        }
    }

    /** One entry of the status history. */
    public record ChangeView(Instant at, String status, String severity) {
    }

    /**
     * A ticket with its SLA standing: {@code state} is breached, paused, at-risk, on-track or met;
     * {@code secondsToBreach} counts to the earliest running deadline (negative once overdue).
     */
    public record TicketView(String source, String id, String subject, String severity, String status, String team,
                             String customerId, String plan, String url, Instant createdAt, Instant updatedAt,
                             String state, Instant nextBreachAt, Long secondsToBreach, DeadlineView firstResponse,
                             DeadlineView resolution, List<PagesResource.PageView> pages, List<ChangeView> history) {

        /** The "source/id" reference used by pages and the console. */
        public String ref() {
            return source + "/" + id;
        }

        /** Pages not yet resolved. */
        public long openPages() {
            return pages.stream().filter(p -> !"RESOLVED".equals(p.status())).count();
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static Long seconds(Duration d) {
        return d == null ? null : d.getSeconds();
    }
}
