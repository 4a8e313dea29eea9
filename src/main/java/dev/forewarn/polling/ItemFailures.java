package dev.forewarn.polling;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Accounts for one item that failed alone — a ticket refused at the door or whose evaluation threw, a region
 * whose judgement threw, a notice that could not be rendered — while the others went on: counted by step
 * ({@code forewarn_item_failures_total{step}}, every step registered at zero) and logged naming the item.
 */
@ApplicationScoped
@Startup
public class ItemFailures {
    private static final Logger LOG = Logger.getLogger(ItemFailures.class);

    /** Where in the watch an item failed. */
    public enum Step {
        /** A ticket from any source refused before it was stored (extreme dates, bad id). */
        TICKET_INTAKE,
        /** One ticket's SLA clocks or escalation decision. */
        TICKET_EVALUATION,
        /** One region's quality judgement. */
        REGION_JUDGEMENT,
        /** One notice's rendering into an email. */
        NOTICE_RENDERING;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How many distinct failures are remembered to log each once; the oldest are forgotten first. */
    private static final int REMEMBERED = 1000;

    private final Map<Step, Counter> counters = new EnumMap<>(Step.class);
    private final Map<String, Boolean> logged = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    @Inject
    public ItemFailures(MeterRegistry registry) {
        for (Step s : Step.values()) {
            counters.put(s, Counter.builder("forewarn.item.failures").tag("step", s.tag())
                    .description("Items (tickets, regions, notices) that failed alone while the others went on")
                    .register(registry));
        }
    }

    /**
     * Counts one failed item and logs it the first time it fails this way; {@code item} names it (e.g.
     * zendesk/123), {@code why} says what broke. A polled document serving the same bad ticket every minute is
     * counted every time but logged once.
     */
    public void failed(Step step, String item, String why) {
        counters.get(step).increment();
        if (firstTime(step, item, why)) {
            LOG.warnf("%s of %s failed alone, the others go on: %s", step.tag().replace('_', ' '), clip(item),
                    clip(why));
        }
    }

    /** Like {@link #failed(Step, String, String)} for an unexpected exception, logged with its stack. */
    public void failed(Step step, String item, Throwable error) {
        counters.get(step).increment();
        if (firstTime(step, item, String.valueOf(error))) {
            LOG.errorf(error, "%s of %s failed alone, the others go on", step.tag().replace('_', ' '), clip(item));
        }
    }

    private synchronized boolean firstTime(Step step, String item, String why) {
        return logged.put(step + "\u0000" + clip(item) + "\u0000" + clip(why), Boolean.TRUE) == null;
    }

    private static String clip(String text) {
        String t = String.valueOf(text);
        t = t.length() <= 200 ? t : t.substring(0, 200) + "…";
        // Item names come from outside: they must not be able to forge log lines.
        return t.replaceAll("\\p{Cntrl}", "?");
    }
}
