package dev.forewarn.sla.model;

import java.time.Duration;
import java.time.Instant;

/** The hours during which an SLA clock may run: around the clock or a zone's opening hours. */
public sealed interface BusinessCalendar permits AlwaysOpen, BusinessHours {

    /** Business time within [from, to); zero when {@code to} is not after {@code from}. */
    Duration businessTimeBetween(Instant from, Instant to);

    /**
     * The earliest instant at which {@code amount} of business time has passed since {@code from};
     * {@code from} itself for a zero amount.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    Instant addBusinessTime(Instant from, Duration amount);
}
