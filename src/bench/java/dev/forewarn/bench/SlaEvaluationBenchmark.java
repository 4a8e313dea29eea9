package dev.forewarn.bench;

import dev.forewarn.escalation.model.Escalator;
import dev.forewarn.sla.model.Deadline;
import dev.forewarn.sla.model.SlaClock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One ticket evaluation as the SLA watch does it — both clocks read, {@link Escalator#decide} and
 * {@link Escalator#nextDecisionAt} — over a population of synthetic open tickets. The score is in ticket
 * evaluations per second per thread (one JMH operation = one ticket).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class SlaEvaluationBenchmark {

    private static final java.time.Duration TICK = java.time.Duration.ofSeconds(30);

    @Param({"100000"})
    public int tickets;

    private SyntheticTickets.Ticket[] population;
    private int next;

    @Setup
    public void generate() {
        List<SyntheticTickets.Ticket> list = SyntheticTickets.generate(tickets, 42);
        population = list.toArray(new SyntheticTickets.Ticket[0]);
    }

    /** One ticket per call, cycling through the whole population so caches see all 100,000 of them. */
    @Benchmark
    public void evaluateTicket(Blackhole bh) {
        SyntheticTickets.Ticket t = population[next];
        next = next + 1 == population.length ? 0 : next + 1;
        var now = SyntheticTickets.NOW;
        bh.consume(SlaClock.read(t.history(), t.policy(), Deadline.FIRST_RESPONSE, now));
        bh.consume(SlaClock.read(t.history(), t.policy(), Deadline.RESOLUTION, now));
        bh.consume(Escalator.decide(t.history(), t.policy(), SyntheticTickets.PLAN, t.pages(), now));
        bh.consume(Escalator.nextDecisionAt(t.history(), t.policy(), SyntheticTickets.PLAN, t.pages(), now));
    }

    /**
     * The same evaluation as {@link #evaluateTicket} the way {@code SlaWatcher.evaluateOne} does it: both clocks
     * read once and handed to {@code decide} and {@code nextCheckAt} (which asks {@code nextDecisionAt}), and the
     * next breach taken from the same readings.
     */
    @Benchmark
    public void evaluateTicketReadingClocksOnce(Blackhole bh) {
        SyntheticTickets.Ticket t = population[next];
        next = next + 1 == population.length ? 0 : next + 1;
        var now = SyntheticTickets.NOW;
        var clocks = Escalator.readClocks(t.history(), t.policy(), now);
        bh.consume(Escalator.decide(t.history(), t.policy(), SyntheticTickets.PLAN, t.pages(), now, clocks));
        bh.consume(Escalator.nextCheckAt(t.history(), t.policy(), SyntheticTickets.PLAN, t.pages(), now, clocks,
                TICK));
        bh.consume(Escalator.nextBreachAt(clocks));
    }

    /** Only the clock reads, to show what the calendar walk costs on its own. */
    @Benchmark
    public void readBothClocks(Blackhole bh) {
        SyntheticTickets.Ticket t = population[next];
        next = next + 1 == population.length ? 0 : next + 1;
        var now = SyntheticTickets.NOW;
        bh.consume(SlaClock.read(t.history(), t.policy(), Deadline.FIRST_RESPONSE, now));
        bh.consume(SlaClock.read(t.history(), t.policy(), Deadline.RESOLUTION, now));
    }
}
