package dev.forewarn.notify.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One metric shape for every outbox: {@code forewarn.<outbox>} counters by channel, the kind's own tag and
 * outcome ({@code sent}, {@code retry}, {@code failed}), and the {@code forewarn.outbox.backlog} /
 * {@code forewarn.outbox.oldest.pending.seconds} gauges by outbox and channel; known combinations start at zero.
 */
@ApplicationScoped
public class OutboxMetrics {
    private static final String[] OUTCOMES = {"sent", "retry", "failed"};

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, double[]> gauges = new ConcurrentHashMap<>();

    @Inject
    public OutboxMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(OutboxKind<?> kind) {
        for (String channel : kind.knownChannels()) {
            gauge(kind.identity().name(), channel);
            for (String tag : kind.knownTags()) {
                for (String outcome : OUTCOMES) {
                    counter(kind, channel, tag, outcome);
                }
            }
        }
    }

    void counted(OutboxKind<?> kind, Message<?> m, String outcome) {
        counter(kind, m.channel(), m.tag(), outcome).increment();
    }

    /** Sets the gauges from {@code channel → [pending, oldest pending seconds]}; absent channels are at zero. */
    void backlog(OutboxKind<?> kind, Map<String, double[]> byChannel) {
        byChannel.keySet().forEach(c -> gauge(kind.identity().name(), c));
        gauges.forEach((key, holder) -> {
            if (key.startsWith(kind.identity().name() + "/")) {
                double[] v = byChannel.getOrDefault(key.substring(kind.identity().name().length() + 1), new double[]{0, 0});
                holder[0] = v[0];
                holder[1] = v[1];
            }
        });
    }

    private Counter counter(OutboxKind<?> kind, String channel, String tag, String outcome) {
        return counters.computeIfAbsent(kind.identity().name() + "/" + channel + "/" + tag + "/" + outcome,
                k -> Counter.builder("forewarn." + kind.identity().name())
                        .tags("channel", channel, kind.identity().tagName(), tag, "outcome", outcome)
                        .description("Delivery attempts of the " + kind.identity().name() + " outbox by outcome")
                        .register(registry));
    }

    private double[] gauge(String outbox, String channel) {
        return gauges.computeIfAbsent(outbox + "/" + channel, k -> {
            double[] holder = {0, 0};
            Gauge.builder("forewarn.outbox.backlog", holder, h -> h[0]).tags("outbox", outbox, "channel", channel)
                    .description("Messages queued and not yet sent or failed").register(registry);
            Gauge.builder("forewarn.outbox.oldest.pending.seconds", holder, h -> h[1])
                    .tags("outbox", outbox, "channel", channel)
                    .description("Age of the oldest queued message").register(registry);
            return holder;
        });
    }
}
