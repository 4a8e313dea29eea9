package dev.forewarn.probe;

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
 * The health of one probe source: metrics for every poll and one log line each time the source starts
 * failing, changes the way it fails, or recovers — never one per retry.
 */
final class SourceHealth {
    private static final Logger LOG = Logger.getLogger(SourceHealth.class);
    static final String[] REASONS = {"timeout", "connect", "http_status", "too_large", "malformed", "rejected", "io"};

    private final String source;
    private final String type;
    private final MeterRegistry registry;
    private final Timer duration;
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private volatile double up = Double.NaN;
    private volatile double lastSuccessEpochSeconds;
    // Reasons seen since the source last fully succeeded: a new reason is logged, a repeated one is not.
    private final java.util.Set<String> failingReasons = ConcurrentHashMap.newKeySet();

    SourceHealth(String source, String type, MeterRegistry registry) {
        this.source = source;
        this.type = type;
        this.registry = registry;
        this.duration = Timer.builder("forewarn.probe.poll.duration").tag("source", source).tag("type", type)
                .description("Wall time of one poll cycle of a probe source").register(registry);
        for (String reason : REASONS) {
            failure(reason);
        }
        Gauge.builder("forewarn.probe.source.up", this, h -> h.up).tag("source", source).tag("type", type)
                .description("1 when the last poll cycle of the source fully succeeded, 0 when any part failed")
                .register(registry);
        Gauge.builder("forewarn.probe.source.last.success.timestamp.seconds", this, h -> h.lastSuccessEpochSeconds)
                .tag("source", source).tag("type", type)
                .description("When the source last delivered usable data (Unix seconds)").register(registry);
    }

    private Counter failure(String reason) {
        return failures.computeIfAbsent(reason, r -> Counter.builder("forewarn.probe.poll.failures")
                .tag("source", source).tag("type", type).tag("reason", r)
                .description("Failed fetches or rejected data of a probe source").register(registry));
    }

    void timed(Duration d) {
        duration.record(d);
    }

    /** Records a failure of one fetch; {@code detail} names the target and the problem. */
    void failed(String reason, String detail) {
        failure(reason).increment();
        up = 0;
        if (failingReasons.add(reason)) {
            LOG.warnf("Probe source %s (%s) failing (%s): %s — affected regions go UNKNOWN when no fresh data remains; "
                    + "polling continues", source, type, reason, detail);
        }
    }

    /** Records that a cycle delivered data; {@code clean} when no part of it failed. */
    void succeeded(Instant at, boolean clean) {
        lastSuccessEpochSeconds = at.getEpochSecond();
        if (clean) {
            up = 1;
            if (!failingReasons.isEmpty()) {
                LOG.infof("Probe source %s (%s) recovered", source, type);
                failingReasons.clear();
            }
        }
    }

    String source() {
        return source;
    }
}
