package dev.forewarn.quality;

import dev.forewarn.quality.model.SettledChange;
import io.smallrye.mutiny.Uni;
import java.time.Instant;

/**
 * Where the judge hands a region's settled changes: the incident service implements it, so quality never depends on
 * what consumes its judgements. Called within the judging transaction, one change at a time.
 */
public interface SettledChanges {

    /** Records what {@code change} of region {@code regionId} means, with the evidence stored beside it. */
    Uni<Void> apply(String regionId, SettledChange change, String evidenceJson, Instant now);
}
