package dev.forewarn.sla;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Deadline;
import dev.forewarn.sla.model.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The support team's steering numbers as metrics: tickets open by severity and stage, time to first response
 * and to resolution, first-contact resolution rate, ticket volume, breaches, pages, acknowledgement latency
 * and on-call gaps. Known tag combinations are registered at zero up front.
 */
@ApplicationScoped
@Startup
public class SlaMetrics {
    public static final String[] STAGES = {"none", "half", "three-quarters", "imminent", "breach"};
    private static final Duration[] RESPONSE_BUCKETS = {Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8),
        Duration.ofHours(24), Duration.ofDays(3)};

    private final MeterRegistry registry;
    private final Map<String, double[]> open = new ConcurrentHashMap<>();
    private final Map<Severity, double[]> nextBreach = new ConcurrentHashMap<>();
    private final Map<String, double[]> covered = new ConcurrentHashMap<>();
    private volatile double firstContactResolution = Double.NaN;

    @Inject
    public SlaMetrics(MeterRegistry registry, ForewarnConfig config) {
        this.registry = registry;
        for (Severity s : Severity.values()) {
            for (String stage : STAGES) {
                openGauge(tag(s), stage);
            }
            double[] holder = {Double.NaN};
            nextBreach.put(s, holder);
            Gauge.builder("forewarn.tickets.next.breach.seconds", holder, h -> h[0]).tag("severity", tag(s))
                    .description("Time until the nearest projected SLA breach among open tickets (negative: overdue)")
                    .register(registry);
            responseTimer("forewarn.ticket.first.response", s);
            responseTimer("forewarn.ticket.resolution", s);
            for (Deadline d : Deadline.values()) {
                breaches(s, d);
            }
        }
        Gauge.builder("forewarn.tickets.first.contact.resolution.ratio", this, m -> m.firstContactResolution)
                .description("Share of tickets solved in the last 30 days that were solved with the first reply")
                .register(registry);
        for (Tier t : Tier.values()) {
            ackTimer(t);
        }
        java.util.Set<String> teams = new java.util.TreeSet<>(java.util.List.of("default"));
        config.oncall().schedules().forEach(sch -> teams.add(sch.team()));
        for (Severity s : Severity.values()) {
            teams.forEach(team -> created(s, team));
        }
        config.oncall().schedules().forEach(s -> {
            coveredGauge(s.tier(), s.team());
            gaps(s.tier(), s.team());
        });
    }

    private static String tag(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private double[] openGauge(String severity, String stage) {
        return open.computeIfAbsent(severity + "/" + stage, k -> {
            double[] holder = {0};
            Gauge.builder("forewarn.tickets.open", holder, h -> h[0]).tags("severity", severity, "stage", stage)
                    .description("Open tickets by severity and the latest warning stage paged").register(registry);
            return holder;
        });
    }

    private Timer responseTimer(String name, Severity s) {
        return Timer.builder(name).tag("severity", tag(s)).serviceLevelObjectives(RESPONSE_BUCKETS)
                .minimumExpectedValue(Duration.ofMinutes(1)).maximumExpectedValue(Duration.ofDays(7))
                .description(name.endsWith("response") ? "Time from ticket creation to the first public reply"
                        : "Time from ticket creation to solved")
                .register(registry);
    }

    private Counter breaches(Severity s, Deadline d) {
        return Counter.builder("forewarn.sla.breaches").tag("severity", tag(s))
                .tag("deadline", d.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .description("SLA deadlines missed").register(registry);
    }

    private Timer ackTimer(Tier t) {
        return Timer.builder("forewarn.page.ack").tag("tier", t.name())
                .serviceLevelObjectives(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
                        Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1))
                .description("Time from a page to its acknowledgement").register(registry);
    }

    private Counter gaps(String tier, String team) {
        return Counter.builder("forewarn.oncall.gaps").tags("tier", tier, "team", team)
                .description("Pages that found nobody on call in a tier and went to the next").register(registry);
    }

    private double[] coveredGauge(String tier, String team) {
        return covered.computeIfAbsent(tier + "/" + team, k -> {
            double[] holder = {Double.NaN};
            Gauge.builder("forewarn.oncall.covered", holder, h -> h[0]).tags("tier", tier, "team", team)
                    .description("1 when somebody is on call for the tier and team, 0 during a gap")
                    .register(registry);
            return holder;
        });
    }

    /** Registers the ticket volume of these teams at zero, e.g. the teams a ticket source assigns tickets to. */
    public void knownTeams(java.util.Collection<String> teams) {
        for (Severity s : Severity.values()) {
            teams.forEach(team -> created(s, team));
        }
    }

    private Counter created(Severity s, String team) {
        return Counter.builder("forewarn.tickets.created").tags("severity", tag(s), "team", team)
                .description("Tickets first seen, by severity and team").register(registry);
    }

    public void ticketCreated(Severity s, String team) {
        created(s, team).increment();
    }

    public void firstResponse(Severity s, Duration d) {
        if (!d.isNegative()) {
            responseTimer("forewarn.ticket.first.response", s).record(d);
        }
    }

    public void resolution(Severity s, Duration d) {
        if (!d.isNegative()) {
            responseTimer("forewarn.ticket.resolution", s).record(d);
        }
    }

    public void breached(Severity s, Deadline d) {
        breaches(s, d).increment();
    }

    public void acknowledged(Tier t, Duration d) {
        ackTimer(t).record(d);
    }

    public void gap(Tier tier, String team) {
        gaps(tier.name(), team).increment();
    }

    public void coverage(Tier tier, String team, boolean isCovered) {
        coveredGauge(tier.name(), team)[0] = isCovered ? 1 : 0;
    }

    /** Replaces the open-ticket counts; combinations not given drop to zero. */
    public void openTickets(Map<String, Long> bySeverityAndStage) {
        open.forEach((k, holder) -> holder[0] = bySeverityAndStage.getOrDefault(k, 0L));
        bySeverityAndStage.forEach((k, n) -> {
            String[] parts = k.split("/", 2);
            openGauge(parts[0], parts[1])[0] = n;
        });
    }

    public void nextBreach(Severity s, Double seconds) {
        nextBreach.get(s)[0] = seconds == null ? Double.NaN : seconds;
    }

    public void firstContactResolution(Double ratio) {
        firstContactResolution = ratio == null ? Double.NaN : ratio;
    }
}
