package dev.forewarn.probe.format;

import dev.forewarn.quality.model.NodeSample;
import java.util.List;

/**
 * The outcome of validating a probe report: the readings that became samples and why the others did not.
 *
 * @param accepted samples in report order
 * @param rejected problems in report order; a reading with several problems appears once per field
 */
public record ValidatedReport(List<NodeSample> accepted, List<Rejection> rejected) {
    public ValidatedReport {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }
}
