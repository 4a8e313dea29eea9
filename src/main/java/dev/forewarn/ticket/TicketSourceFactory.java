package dev.forewarn.ticket;

import dev.forewarn.config.ConfigRules;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the ticket sources of one type. Each type is a sub-package of {@code dev.forewarn.ticket} that brings
 * a factory bean, its settings mapping (its own keys under {@code forewarn.tickets.sources.<name>}, checked at
 * start-up) and its source; {@link TicketPoller} only looks the factory up by type.
 */
public interface TicketSourceFactory {

    /** The value of {@code forewarn.tickets.sources.<name>.type} this factory serves, in lower case. */
    String type();

    /** The source to poll, or empty for a type whose tickets are pushed to Forewarn rather than polled. */
    Optional<PolledTicketSource> create(TicketSourceContext context);

    /** The entries of a type's settings whose {@code type} is {@code wanted}, by source name. */
    static <S> Map<String, S> ofType(Map<String, S> sources, Function<S, Optional<String>> type, String wanted) {
        return ConfigRules.ofType(sources, type, wanted);
    }
}
