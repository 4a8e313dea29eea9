package dev.forewarn.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * The scripted network of the demo fleet: one region ({@link #TROUBLED_REGION}) goes healthy → degraded →
 * outage → healthy once per cycle; every other region stays healthy with ordinary noise.
 *
 * <p>Phases as shares of the cycle: 0–20 % healthy, 20–50 % degraded (350 ms RTT, about 13 ms jitter, 3 % loss: MOS about 3.0–3.4),
 * 50–67 % outage (most nodes unreachable), 67–100 % healthy.
 */
public final class DemoScript {
    public static final String TROUBLED_REGION = "demo-eu-central";

    private final Instant start;
    private final Duration cycle;

    public DemoScript(Instant start, Duration cycle) {
        this.start = start;
        this.cycle = cycle;
    }

    /** The phase of the troubled region at {@code now}. */
    public enum Phase { HEALTHY, DEGRADED, OUTAGE }

    /** One synthetic probe answer. */
    public record Answer(boolean success, double rttSeconds) {
    }

    public Phase phase(Instant now) {
        double share = (double) (Duration.between(start, now).toMillis() % cycle.toMillis()) / cycle.toMillis();
        if (share < 0.20) {
            return Phase.HEALTHY;
        }
        if (share < 0.50) {
            return Phase.DEGRADED;
        }
        if (share < 0.67) {
            return Phase.OUTAGE;
        }
        return Phase.HEALTHY;
    }

    /** A probe answer for one node of one region. */
    public Answer probe(String region, String node, Instant now, RandomGenerator random) {
        Phase phase = TROUBLED_REGION.equals(region) ? phase(now) : Phase.HEALTHY;
        return switch (phase) {
            case HEALTHY -> new Answer(random.nextDouble() > 0.002, (25 + random.nextDouble() * 6) / 1000.0);
            case DEGRADED -> new Answer(random.nextDouble() > 0.03, (330 + random.nextDouble() * 40) / 1000.0);
            case OUTAGE -> new Answer(node.endsWith("-1") && random.nextDouble() > 0.3,
                    (400 + random.nextDouble() * 200) / 1000.0);
        };
    }

    /** One ticket of the demo's ticket source, in the Forewarn JSON ticket format's terms. */
    public record DemoTicket(String id, String subject, String severity, String status, String customerId,
                             Instant createdAt, Instant updatedAt, Instant firstResponseAt, Instant solvedAt) {
    }

    /**
     * The demo's support tickets at {@code now}: every cycle an urgent ticket nobody answers for a while (it
     * pages L1, then L2 and L3 as its short demo target runs out; the reply at 60 % of the cycle resolves the
     * pages and the ticket is solved at 70 %) and an important one answered and solved quickly. Ids carry the
     * start time, so a restarted demo does not mistake the last run's tickets for its own.
     */
    public java.util.List<DemoTicket> tickets(Instant now) {
        long cycleMillis = cycle.toMillis();
        long elapsed = Duration.between(start, now).toMillis();
        if (elapsed < 0) {
            return java.util.List.of();
        }
        long n = elapsed / cycleMillis;
        String run = java.time.format.DateTimeFormatter.ofPattern("HHmmss").withZone(java.time.ZoneOffset.UTC)
                .format(start);
        Instant cycleStart = start.plusMillis(n * cycleMillis);
        java.util.List<DemoTicket> out = new java.util.ArrayList<>();
        Instant urgentAt = cycleStart.plusSeconds(10);
        if (!now.isBefore(urgentAt)) {
            out.add(ticket("DEMO-" + run + "-" + n + "-1", "Students cannot hear the teacher in live classes",
                    "urgent", "acme-classes", urgentAt, cycleStart.plusMillis(cycleMillis * 60 / 100),
                    cycleStart.plusMillis(cycleMillis * 70 / 100), now));
        }
        Instant importantAt = cycleStart.plusSeconds(40);
        if (!now.isBefore(importantAt)) {
            out.add(ticket("DEMO-" + run + "-" + n + "-2", "视频问诊偶尔卡顿", "important", "jiankang", importantAt,
                    importantAt.plusSeconds(50), importantAt.plusSeconds(110), now));
        }
        return out;
    }

    private static DemoTicket ticket(String id, String subject, String severity, String customer, Instant created,
                                     Instant replied, Instant solved, Instant now) {
        boolean answered = !now.isBefore(replied);
        boolean done = !now.isBefore(solved);
        Instant updated = done ? solved : answered ? replied : created;
        return new DemoTicket(id, subject, severity, done ? "solved" : "open", customer, created, updated,
                answered ? replied : null, done ? solved : null);
    }
}
