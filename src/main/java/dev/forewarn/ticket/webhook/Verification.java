package dev.forewarn.ticket.webhook;

import java.util.Objects;

/** Whether an inbound webhook request is authentic and fresh. */
public sealed interface Verification {

    /** Signed with our secret within the allowed time window. */
    record Valid() implements Verification {
    }

    /** Not to be trusted; {@code reason} says why, safe to log and to return to the caller. */
    record Rejected(String reason) implements Verification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
