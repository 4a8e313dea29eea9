package dev.forewarn.escalation.model;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Deadline;
import java.util.Objects;
import java.util.function.Supplier;

/** One thing the {@link Escalator} decided should happen to a ticket's pages now. */
public sealed interface StepDecision
        permits StepDecision.Page, StepDecision.Escalate, StepDecision.Resolve, StepDecision.Superseded {

    /**
     * Page {@code tier} because {@code stage} of {@code deadline} was reached; {@code why} is one line for people.
     *
     * <p>A class rather than a record because the {@link Escalator} decides far more pages than are ever sent
     * (the page's unique key drops repeats), so {@code why} is written on first use, not when deciding.
     */
    final class Page implements StepDecision {
        private final Deadline deadline;
        private final String stage;
        private final Tier tier;
        private final Reason why;

        public Page(Deadline deadline, String stage, Tier tier, String why) {
            this(deadline, stage, tier, Reason.of(Objects.requireNonNull(why, "why")));
        }

        Page(Deadline deadline, String stage, Tier tier, Supplier<String> why) {
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            this.stage = Objects.requireNonNull(stage, "stage");
            this.tier = Objects.requireNonNull(tier, "tier");
            this.why = new Reason(why);
        }

        public Deadline deadline() {
            return deadline;
        }

        public String stage() {
            return stage;
        }

        public Tier tier() {
            return tier;
        }

        public String why() {
            return why.text();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Page p && deadline == p.deadline && stage.equals(p.stage) && tier == p.tier
                    && why().equals(p.why());
        }

        @Override
        public int hashCode() {
            return Objects.hash(deadline, stage, tier, why());
        }

        @Override
        public String toString() {
            return "Page[deadline=" + deadline + ", stage=" + stage + ", tier=" + tier + ", why=" + why() + "]";
        }
    }

    /**
     * Page {@code tier} for the same stage because page {@code fromPageId} was not acknowledged in time; a class
     * for the same reason as {@link Page}.
     */
    final class Escalate implements StepDecision {
        private final long fromPageId;
        private final Deadline deadline;
        private final String stage;
        private final Tier tier;
        private final Reason why;

        public Escalate(long fromPageId, Deadline deadline, String stage, Tier tier, String why) {
            this(fromPageId, deadline, stage, tier, Reason.of(Objects.requireNonNull(why, "why")));
        }

        Escalate(long fromPageId, Deadline deadline, String stage, Tier tier, Supplier<String> why) {
            this.fromPageId = fromPageId;
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            this.stage = Objects.requireNonNull(stage, "stage");
            this.tier = Objects.requireNonNull(tier, "tier");
            this.why = new Reason(why);
        }

        public long fromPageId() {
            return fromPageId;
        }

        public Deadline deadline() {
            return deadline;
        }

        public String stage() {
            return stage;
        }

        public Tier tier() {
            return tier;
        }

        public String why() {
            return why.text();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Escalate e && fromPageId == e.fromPageId && deadline == e.deadline
                    && stage.equals(e.stage) && tier == e.tier && why().equals(e.why());
        }

        @Override
        public int hashCode() {
            return Objects.hash(fromPageId, deadline, stage, tier, why());
        }

        @Override
        public String toString() {
            return "Escalate[fromPageId=" + fromPageId + ", deadline=" + deadline + ", stage=" + stage + ", tier="
                    + tier + ", why=" + why() + "]";
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

    /** A reason written on first use; its inputs are immutable, so a race writes the same text twice at worst. */
    final class Reason {
        private final Supplier<String> writer;
        private volatile String text;

        Reason(Supplier<String> writer) {
            this.writer = writer;
        }

        static Supplier<String> of(String text) {
            return () -> text;
        }

        String text() {
            String t = text;
            if (t == null) {
                t = writer.get();
                text = t;
            }
            return t;
        }
    }
}
