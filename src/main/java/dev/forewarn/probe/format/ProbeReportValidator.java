package dev.forewarn.probe.format;

import dev.forewarn.quality.model.NodeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks each reading of a Forewarn JSON probe report and turns the valid ones into node samples. */
public final class ProbeReportValidator {

    /** A minute of round trip or jitter is no network measurement but an agent bug. */
    static final double MAX_MILLIS = 60_000;

    private ProbeReportValidator() {
    }

    /**
     * Accepts or rejects every reading individually, so one bad reading never discards a whole report.
     *
     * @param nodesByRegion the configured regions and their node ids
     * @param now           the current instant, to judge {@code at}
     * @param maxFutureSkew how far {@code at} may lie in the future (agent clock skew)
     * @param maxAge        how far {@code at} may lie in the past
     */
    public static ValidatedReport validate(ProbeReport report, Map<String, Set<String>> nodesByRegion, Instant now,
                                           Duration maxFutureSkew, Duration maxAge) {
        if (report == null) {
            return new ValidatedReport(List.of(), List.of(new Rejection(-1, "report", "is missing")));
        }
        if (report.readings() == null || report.readings().isEmpty()) {
            return new ValidatedReport(List.of(), List.of(new Rejection(-1, "readings", "is missing or empty")));
        }
        List<NodeSample> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Instant latest = now.plus(maxFutureSkew);
        Instant earliest = now.minus(maxAge);
        for (int index = 0; index < report.readings().size(); index++) {
            ProbeReading reading = report.readings().get(index);
            List<Rejection> problems = new ArrayList<>();
            if (reading == null) {
                problems.add(new Rejection(index, "reading", "is null"));
            } else {
                checkPlace(index, reading, nodesByRegion, problems);
                checkTime(index, reading.at(), latest, earliest, maxFutureSkew, maxAge, problems);
                checkMeasurements(index, reading, problems);
            }
            if (problems.isEmpty()) {
                accepted.add(toSample(reading));
            } else {
                rejected.addAll(problems);
            }
        }
        return new ValidatedReport(accepted, rejected);
    }

    private static void checkPlace(int index, ProbeReading reading, Map<String, Set<String>> nodesByRegion,
                                   List<Rejection> problems) {
        if (reading.region() == null) {
            problems.add(new Rejection(index, "region", "is missing"));
            return;
        }
        Set<String> nodes = nodesByRegion.get(reading.region());
        if (nodes == null) {
            problems.add(new Rejection(index, "region", "'" + reading.region() + "' is not a known region"));
            return;
        }
        if (reading.node() == null) {
            problems.add(new Rejection(index, "node", "is missing"));
        } else if (!nodes.contains(reading.node())) {
            problems.add(new Rejection(index, "node",
                    "'" + reading.node() + "' is not a known node of region '" + reading.region() + "'"));
        }
    }

    private static void checkTime(int index, Instant at, Instant latest, Instant earliest, Duration maxFutureSkew,
                                  Duration maxAge, List<Rejection> problems) {
        if (at == null) {
            problems.add(new Rejection(index, "at", "is missing"));
        } else if (at.isAfter(latest)) {
            problems.add(new Rejection(index, "at", at + " is more than " + maxFutureSkew + " in the future"));
        } else if (at.isBefore(earliest)) {
            problems.add(new Rejection(index, "at", at + " is older than " + maxAge));
        }
    }

    private static void checkMeasurements(int index, ProbeReading reading, List<Rejection> problems) {
        checkMillis(index, "rttMs", reading.rttMs(), problems);
        checkMillis(index, "jitterMs", reading.jitterMs(), problems);
        Double loss = reading.lossPercent();
        if (loss != null && (Double.isNaN(loss) || loss < 0 || loss > 100)) {
            problems.add(new Rejection(index, "lossPercent", loss + " is outside 0..100"));
        }
        if (reading.reachable() == null && reading.rttMs() == null) {
            problems.add(new Rejection(index, "reachable", "is missing and there is no rttMs to infer it from"));
        }
        // A node that did not answer cannot have a round trip; an agent saying both has a bug worth surfacing.
        if (Boolean.FALSE.equals(reading.reachable())) {
            if (reading.rttMs() != null) {
                problems.add(new Rejection(index, "rttMs", "must be absent when reachable is false"));
            }
            if (reading.jitterMs() != null) {
                problems.add(new Rejection(index, "jitterMs", "must be absent when reachable is false"));
            }
        }
    }

    private static void checkMillis(int index, String field, Double millis, List<Rejection> problems) {
        if (millis == null) {
            return;
        }
        if (Double.isNaN(millis) || Double.isInfinite(millis)) {
            problems.add(new Rejection(index, field, millis + " is not a finite number"));
        } else if (millis < 0) {
            problems.add(new Rejection(index, field, millis + " is negative"));
        } else if (millis > MAX_MILLIS) {
            problems.add(new Rejection(index, field, millis + " is above " + (long) MAX_MILLIS + " ms"));
        }
    }

    private static NodeSample toSample(ProbeReading reading) {
        if (Boolean.FALSE.equals(reading.reachable())) {
            return NodeSample.unreachable(reading.region(), reading.node(), reading.at());
        }
        Double lossRatio = reading.lossPercent() == null ? null : reading.lossPercent() / 100.0;
        return new NodeSample(reading.region(), reading.node(), reading.at(), true, reading.rttMs(),
                reading.jitterMs(), lossRatio);
    }
}
