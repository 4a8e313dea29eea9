package dev.forewarn.escalation.model;

import dev.forewarn.oncall.model.Tier;
import java.util.List;
import java.util.Objects;

/** Where a page goes: to the person on call at a tier, or nowhere because every tier from the requested one up had a gap. */
public sealed interface Route permits Route.Routed, Route.Unrouted {

    /** Every gap met on the way, in tier order; empty when the requested tier answered. */
    List<Gap> gaps();

    /** Page {@code person} at {@code tier}, which is above the requested tier when {@code gapsSkipped} is not empty. */
    record Routed(Tier tier, String person, List<Gap> gapsSkipped) implements Route {
        public Routed {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(person, "person");
            gapsSkipped = List.copyOf(gapsSkipped);
        }

        @Override
        public List<Gap> gaps() {
            return gapsSkipped;
        }
    }

    /** Nobody could be paged: the requested tier and every tier above it had a gap. */
    record Unrouted(List<Gap> gaps) implements Route {
        public Unrouted {
            gaps = List.copyOf(gaps);
            if (gaps.isEmpty()) {
                throw new IllegalArgumentException("an unrouted page has at least one gap");
            }
        }
    }

    /** A tier's team had nobody to page; {@code reason} is "no schedule" or "nobody on call until …". */
    record Gap(Tier tier, String team, String reason) {
        public Gap {
            Objects.requireNonNull(tier, "tier");
            Objects.requireNonNull(team, "team");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
