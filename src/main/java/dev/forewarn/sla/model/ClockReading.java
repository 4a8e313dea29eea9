package dev.forewarn.sla.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One deadline's SLA clock at an instant: how much business time has run against which target,
 * and whether the deadline is met, paused or breached; see {@link SlaClock} for the rules.
 */
public record ClockReading(Deadline deadline, Severity severity, Duration target, Duration elapsed,
                           Duration remaining, Instant breachAt, boolean paused, boolean met, Instant metAt,
                           boolean breached) {
}
