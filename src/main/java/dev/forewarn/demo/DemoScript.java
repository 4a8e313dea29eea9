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
}
