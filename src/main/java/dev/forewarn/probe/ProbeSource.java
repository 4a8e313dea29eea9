package dev.forewarn.probe;

import dev.forewarn.quality.model.NodeSample;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A polled source of probe samples; failures are reported to its {@link SourceHealth}, never thrown. */
public interface ProbeSource {

    /** How far in the future a reading's timestamp may lie (clock skew) before it is rejected. */
    Duration MAX_FUTURE_SKEW = Duration.ofMinutes(2);

    /** Polls once and returns the samples it got (possibly none). */
    Uni<List<NodeSample>> poll(Instant now);

    /** How the last poll was paced, for the log line of an overrun (empty when there is nothing to say). */
    default String pace() {
        return "";
    }
}
