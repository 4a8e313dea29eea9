package dev.forewarn.polling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The health of one polled source (probe or ticket): metrics for every poll and one log line each time the source starts
 * failing, changes the way it fails, or recovers — never one per retry.
 */
public final class SourceHealth {
    private static final Logger LOG = Logger.getLogger(SourceHealth.class);
    public static final String[] REASONS = {"timeout", "connect", "http_status", "too_large", "malformed", "rejected",
        "rate_limited", "no_series", "io"};

    private final String kind;
    private final String source;
    private final String type;
    private final MeterRegistry registry;
    private final Timer duration;
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private volatile double up = Double.NaN;
    private volatile double lastSuccessEpochSeconds;
    // Reasons seen since the source last fully succeeded: a new reason is logged, a repeated one is not.
    private final java.util.Set<String> failingReasons = ConcurrentHashMap.newKeySet();

    /**
     * @param kind     "probe" or "ticket": the metric prefix ({@code forewarn_<kind>_poll_failures_total} …)
     * @param source   the configured source name
     * @param type     the source type, e.g. blackbox or zendesk
     * @param registry where the metrics go
     */
    public SourceHealth(String kind, String source, String type, MeterRegistry registry) {
        this.kind = kind;
        this.source = source;
        this.type = type;
        this.registry = registry;
        this.duration = Timer.builder("forewarn." + kind + ".poll.duration").tag("source", source).tag("type", type)
                .description("Wall time of one poll cycle of a " + kind + " source").register(registry);
        for (String reason : REASONS) {
            failure(reason);
        }
        Gauge.builder("forewarn." + kind + ".source.up", this, h -> h.up).tag("source", source).tag("type", type)
                .description("1 when the last poll cycle of the source fully succeeded, 0 when any part failed")
                .register(registry);
        Gauge.builder("forewarn." + kind + ".source.last.success.timestamp.seconds", this, h -> h.lastSuccessEpochSeconds)
                .tag("source", source).tag("type", type)
                .description("When the source last delivered usable data (Unix seconds)").register(registry);
    }

    private Counter failure(String reason) {
        return failures.computeIfAbsent(reason, r -> Counter.builder("forewarn." + kind + ".poll.failures")
                .tag("source", source).tag("type", type).tag("reason", r)
                .description("Failed fetches or rejected data of a " + kind + " source").register(registry));
    }

    public void timed(Duration d) {
        duration.record(d);
    }

    /** Records a failure of one fetch; {@code detail} names the target and the problem. */
    public void failed(String reason, String detail) {
        failure(reason).increment();
        up = 0;
        if (failingReasons.add(reason)) {
            LOG.warnf("%s source %s (%s) failing (%s): %s — %s; polling continues", capitalised(), source, type,
                    reason, detail, "probe".equals(kind) ? "affected regions go UNKNOWN when no fresh data remains"
                            : "tickets keep their last known state");
        }
    }

    /** Records that a cycle delivered data; {@code clean} when no part of it failed. */
    public void succeeded(Instant at, boolean clean) {
        lastSuccessEpochSeconds = at.getEpochSecond();
        if (clean) {
            up = 1;
            if (!failingReasons.isEmpty()) {
                LOG.infof("%s source %s (%s) recovered", capitalised(), source, type);
                failingReasons.clear();
            }
        }
    }

    public String source() {
        return source;
    }

    private String capitalised() {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
