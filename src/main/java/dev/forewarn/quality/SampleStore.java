package dev.forewarn.quality;

import dev.forewarn.quality.model.NodeSeries;
import java.time.Instant;

/**
 * Where the judge reads each node's recent probe samples; the probe sources fill it. Quality depends on this
 * interface only, never on the probe package that implements it.
 */
public interface SampleStore {

    /**
     * The samples held for one node with those taken at or before {@code forgetUpTo} dropped first, or null when
     * none was ever recorded. The caller reads it while synchronized on it, as writers are.
     */
    NodeSeries series(String region, String node, Instant forgetUpTo);
}
