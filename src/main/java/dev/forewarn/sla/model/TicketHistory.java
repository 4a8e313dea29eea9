package dev.forewarn.sla.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an SLA clock needs to know about a ticket: when it was created, its status and severity
 * changes in time order (the first at creation) and when it was first answered, if ever.
 */
public record TicketHistory(Instant createdAt, List<TicketChange> changes, Instant firstResponseAt) {

    public TicketHistory {
        Objects.requireNonNull(createdAt, "createdAt");
        changes = List.copyOf(changes);
        if (changes.isEmpty() || !changes.get(0).at().equals(createdAt)) {
            throw new IllegalArgumentException("the first change must be at createdAt " + createdAt);
        }
        for (int i = 1; i < changes.size(); i++) {
            if (changes.get(i).at().isBefore(changes.get(i - 1).at())) {
                throw new IllegalArgumentException("changes out of time order at index " + i + ": " + changes);
            }
        }
    }

    /** The last change at or before {@code now}; the first change if the ticket is not yet created. */
    public TicketChange stateAt(Instant now) {
        for (int i = changes.size() - 1; i > 0; i--) {
            if (!changes.get(i).at().isAfter(now)) {
                return changes.get(i);
            }
        }
        return changes.get(0);
    }
}
