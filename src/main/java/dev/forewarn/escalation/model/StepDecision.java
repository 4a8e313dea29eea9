package dev.forewarn.escalation.model;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Deadline;
import java.util.Objects;

/** One thing the {@link Escalator} decided should happen to a ticket's pages now. */
public sealed interface StepDecision
        permits StepDecision.Page, StepDecision.Escalate, StepDecision.Resolve, StepDecision.Superseded {

    /** Page {@code tier} because {@code stage} of {@code deadline} was reached; {@code why} is one line for people. */
    record Page(Deadline deadline, String stage, Tier tier, String why) implements StepDecision {
        public Page {
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Page {@code tier} for the same stage because page {@code fromPageId} was not acknowledged in time. */
    record Escalate(long fromPageId, Deadline deadline, String stage, Tier tier, String why) implements StepDecision {
        public Escalate {
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(why, "why");
        }
    }

    /** Resolve the open page {@code pageId}: its deadline was met or the ticket was solved or closed. */
    record Resolve(long pageId, String why) implements StepDecision {
        public Resolve {
            Objects.requireNonNull(why, "why");
        }
    }

    /** Record, without paging, that {@code stage} was reached together with a later stage that was paged instead. */
    record Superseded(Deadline deadline, String stage) implements StepDecision {
        public Superseded {
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(stage, "stage");
        }
    }
}
