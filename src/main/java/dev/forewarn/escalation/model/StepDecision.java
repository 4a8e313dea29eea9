package dev.forewarn.escalation.model;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Deadline;
import java.util.Objects;
import java.util.function.Supplier;

/** One thing the {@link Escalator} decided should happen to a ticket's pages now. */
public sealed interface StepDecision
        permits StepDecision.Page, StepDecision.Escalate, StepDecision.Resolve, StepDecision.Superseded {

    /** Page {@code tier} because {@code stage} of {@code deadline} was reached; {@link #why} is one line for people. */
    record Page(Deadline deadline, String stage, Tier tier, Reason reason) implements StepDecision {
        public Page {
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(reason, "reason");
        }

        public Page(Deadline deadline, String stage, Tier tier, String why) {
            this(deadline, stage, tier, Reason.of(why));
        }

        public String why() {
            return reason.text();
        }
    }

    /** Page {@code tier} for the same stage because page {@code fromPageId} was not acknowledged in time. */
    record Escalate(long fromPageId, Deadline deadline, String stage, Tier tier, Reason reason) implements StepDecision {
        public Escalate {
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(reason, "reason");
        }

        public Escalate(long fromPageId, Deadline deadline, String stage, Tier tier, String why) {
            this(fromPageId, deadline, stage, tier, Reason.of(why));
        }

        public String why() {
            return reason.text();
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

    /**
     * A one-line reason for people, written on first use: the {@link Escalator} decides far more pages than are
     * sent (the page's unique key drops repeats), so it does not write the text while deciding. Its inputs are
     * immutable, so a race writes the same text twice at worst. Equal when the texts are.
     */
    final class Reason {
        private final Supplier<String> writer;
        private volatile String text;

        Reason(Supplier<String> writer) {
            this.writer = Objects.requireNonNull(writer, "writer");
        }

        /** A reason already written. */
        public static Reason of(String text) {
            Objects.requireNonNull(text, "why");
            Reason r = new Reason(() -> text);
            r.text = text;
            return r;
        }

        /** The text, written now if not yet. */
        public String text() {
            String t = text;
            if (t == null) {
                t = writer.get();
                text = t;
            }
            return t;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reason r && text().equals(r.text());
        }

        @Override
        public int hashCode() {
            return text().hashCode();
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
