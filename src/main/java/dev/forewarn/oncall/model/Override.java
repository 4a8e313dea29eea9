package dev.forewarn.oncall.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A participant holding the pager over the half-open interval [from, to) whatever the layers say, with the
 * reason kept for the audit trail.
 */
public record Override(String participant, Instant from, Instant to, String reason) {

    public Override {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        if (participant.isBlank()) {
            throw new IllegalArgumentException("override participant must not be blank");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("an override needs a reason");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("override must end after it starts: " + from + " .. " + to);
        }
    }

    /** Whether {@code t} falls within [from, to). */
    public boolean covers(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
