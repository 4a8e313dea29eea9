package dev.forewarn.ticket;

import io.smallrye.mutiny.Uni;
import java.util.Set;

/** One ticket source that Forewarn polls, built by the {@link TicketSourceFactory} of its type. */
public interface PolledTicketSource {

    /** Polls the source once; completes with how many tickets were stored, never with a failure. */
    Uni<Integer> poll();

    /** Forgets any wait (back-off, Retry-After) so the next poll asks at once; for tests. */
    default void forgetWaits() {
    }

    /** Teams this source assigns tickets to, so their metrics exist at zero before the first ticket. */
    default Set<String> teams() {
        return Set.of();
    }
}
