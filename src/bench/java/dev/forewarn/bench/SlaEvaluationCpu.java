package dev.forewarn.bench;

import dev.forewarn.escalation.model.Escalator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Ticket evaluations per CPU-second of the measuring thread: the JMH evaluation (both clocks read once,
 * {@code decide}, {@code nextDecisionAt}) timed by thread CPU time instead of wall time, so that other processes on
 * a shared machine do not count against it. Usage: {@code SlaEvaluationCpu [passes]}.
 */
public final class SlaEvaluationCpu {

    private SlaEvaluationCpu() {
    }

    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        SyntheticTickets.Ticket[] population = SyntheticTickets.generate(100_000, 42)
                .toArray(new SyntheticTickets.Ticket[0]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            for (int p = 0; p < passes; p++) {
                sink += pass(population);
            }
            long cpu = mx.getCurrentThreadCpuTime() - cpu0;
            long wall = System.nanoTime() - wall0;
            long n = (long) passes * population.length;
            System.out.printf("round %d: %,d evaluations/CPU-second (%,d per wall second)%n", round,
                    n * 1_000_000_000L / cpu, n * 1_000_000_000L / wall);
        }
        System.out.println("sink " + sink % 10);
    }

    private static long pass(SyntheticTickets.Ticket[] population) {
        long sink = 0;
        var now = SyntheticTickets.NOW;
        for (SyntheticTickets.Ticket t : population) {
            var clocks = Escalator.readClocks(t.history(), t.policy(), now);
            List<?> d = Escalator.decide(t.history(), t.policy(), SyntheticTickets.PLAN, t.pages(), now, clocks);
            sink += d.size() + (Escalator.nextDecisionAt(t.history(), t.policy(), SyntheticTickets.PLAN, t.pages(),
                    now, clocks).isPresent() ? 1 : 0);
        }
        return sink;
    }
}
