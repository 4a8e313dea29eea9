package dev.forewarn.bench;

import dev.forewarn.escalation.model.EscalationPlan;
import dev.forewarn.escalation.model.PageState;
import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.AlwaysOpen;
import dev.forewarn.sla.model.BusinessHours;
import dev.forewarn.sla.model.Deadline;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.SlaPolicy;
import dev.forewarn.sla.model.TicketChange;
import dev.forewarn.sla.model.TicketHistory;
import dev.forewarn.sla.model.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A reproducible population of open tickets for the SLA benchmarks: mixed severities (20 % urgent, 30 %
 * important, 50 % general), ages up to twice the resolution target, one to five status changes (some waiting
 * on the customer, some upgraded), a third already answered, a fifth with a page made, and half on each plan:
 * 7×24 and Europe/Berlin business hours (Mon–Fri 09:00–17:00 with the 2026 German public holidays).
 */
public final class SyntheticTickets {

    /** Tuesday 24 November 2026, 10:00 in Berlin: inside business hours, so both calendars are exercised. */
    public static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    public static final SlaPolicy ALWAYS = SlaPolicy.defaults("enterprise", new AlwaysOpen());
    public static final SlaPolicy BERLIN = SlaPolicy.defaults("standard", BusinessHours.weekdays(
            ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of(
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 3), LocalDate.of(2026, 4, 6),
                    LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 14), LocalDate.of(2026, 5, 25),
                    LocalDate.of(2026, 10, 3), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26))));
    public static final EscalationPlan PLAN = EscalationPlan.defaults();

    /** One synthetic ticket: its history, its plan's policy and the pages already made for it. */
    public record Ticket(String id, String customerId, TicketHistory history, SlaPolicy policy,
                         List<PageState> pages) {
    }

    private SyntheticTickets() {
    }

    /** {@code n} tickets, the same for the same {@code seed}. */
    public static List<Ticket> generate(int n, long seed) {
        Random random = new Random(seed);
        List<Ticket> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(one(i, random));
        }
        return out;
    }

    private static Ticket one(int i, Random random) {
        double pick = random.nextDouble();
        Severity severity = pick < 0.2 ? Severity.URGENT : pick < 0.5 ? Severity.IMPORTANT : Severity.GENERAL;
        boolean business = random.nextBoolean();
        SlaPolicy policy = business ? BERLIN : ALWAYS;
        Duration resolution = policy.target(severity, Deadline.RESOLUTION);
        // Business-hours tickets live longer in wall time: 8 open hours a weekday.
        long maxAgeSeconds = resolution.getSeconds() * 2 * (business ? 4 : 1);
        Instant created = NOW.minusSeconds(60 + (long) (random.nextDouble() * maxAgeSeconds));
        long span = Duration.between(created, NOW).getSeconds();

        List<TicketChange> changes = new ArrayList<>();
        changes.add(new TicketChange(created, TicketStatus.NEW, severity));
        int extra = random.nextInt(5);
        Instant at = created;
        TicketStatus status = TicketStatus.NEW;
        for (int c = 0; c < extra; c++) {
            at = at.plusSeconds(1 + (long) (random.nextDouble() * span / (extra + 1)));
            if (!at.isBefore(NOW)) {
                break;
            }
            status = switch (status) {
                case NEW, HOLD, PENDING -> TicketStatus.OPEN;
                default -> random.nextInt(4) == 0 ? TicketStatus.HOLD : TicketStatus.PENDING;
            };
            if (severity != Severity.URGENT && random.nextInt(10) == 0) {
                severity = Severity.values()[severity.ordinal() - 1];
            }
            changes.add(new TicketChange(at, status, severity));
        }
        Instant firstResponse = random.nextInt(3) == 0 ? created.plusSeconds(1 + span / 3) : null;
        List<PageState> pages = random.nextInt(5) == 0
                ? List.of(new PageState(i + 1L, Deadline.RESOLUTION, "half", Tier.L1,
                        created.plusSeconds(span / 2), null, null, false))
                : List.of();
        return new Ticket("T" + i, business ? "c-berlin-" + (i % 1000) : "c-enterprise-" + (i % 1000),
                new TicketHistory(created, changes, firstResponse), policy, pages);
    }
}
