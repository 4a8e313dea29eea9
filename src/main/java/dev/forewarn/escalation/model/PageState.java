package dev.forewarn.escalation.model;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Deadline;
import java.time.Instant;
import java.util.Objects;

/**
 * What is stored about one page of a ticket: which deadline, stage and tier it was for, when it was made,
 * acknowledged and resolved (null while not), and whether a next-tier page was already made from it.
 */
public record PageState(long id, Deadline deadline, String stage, Tier tier, Instant pagedAt,
                        Instant acknowledgedAt, Instant resolvedAt, boolean escalated) {

    public PageState {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(pagedAt, "pagedAt");
    }

    /** Whether the page is still open (not resolved), acknowledged or not. */
    public boolean isOpen() {
        return resolvedAt == null;
    }

    /** Whether someone acknowledged the page. */
    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    /** Whether this page is for the same deadline, stage and tier. */
    public boolean isFor(Deadline d, String stageName, Tier t) {
        return deadline == d && tier == t && stage.equals(stageName);
    }
}
