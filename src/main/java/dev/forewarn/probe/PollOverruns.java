package dev.forewarn.probe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The polls of one source that ran past their interval: each is counted
 * ({@code forewarn_probe_poll_overruns_total{source}}, registered at zero), and one log line names the source
 * when it starts overrunning and one when it keeps up again — a skipped poll is never silent.
 */
public final class PollOverruns {
    private static final Logger LOG = Logger.getLogger(PollOverruns.class);

    private final String source;
    private final String type;
    private final Duration interval;
    private final Counter overruns;
    private boolean overrunning;

    public PollOverruns(String source, String type, Duration interval, MeterRegistry registry) {
        this.source = source;
        this.type = type;
        this.interval = interval;
        this.overruns = Counter.builder("forewarn.probe.poll.overruns").tag("source", source)
                .description("Polls of a probe source that took longer than its interval (the polls due meanwhile "
                        + "were skipped)")
                .register(registry);
    }

    /** Records one finished poll that took {@code took}; {@code pace} says how it was paced, for the log. */
    public synchronized void pollEnded(Duration took, String pace) {
        boolean over = took.compareTo(interval) > 0;
        if (over) {
            overruns.increment();
        }
        if (over == overrunning) {
            return;
        }
        overrunning = over;
        String how = pace.isEmpty() ? "" : " (" + pace + ")";
        if (over) {
            LOG.warnf("Probe source %s (%s) overran its %s interval: the poll took %s%s, so the polls due meanwhile "
                    + "were skipped and its regions' samples are older than they should be; counted in "
                    + "forewarn_probe_poll_overruns_total, logged again once it keeps up", source, type,
                    seconds(interval), seconds(took), how);
        } else {
            LOG.infof("Probe source %s (%s) keeps up with its %s interval again: the poll took %s%s", source, type,
                    seconds(interval), seconds(took), how);
        }
    }

    /** Whether the last poll ran past the interval. */
    public synchronized boolean overrunning() {
        return overrunning;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }
}
