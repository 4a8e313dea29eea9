package dev.forewarn.probe.format;

import java.time.Instant;

/**
 * One node observation in the Forewarn JSON probe format (see {@code docs/probe-json-format.md}).
 *
 * @param region      region id, as configured in Forewarn
 * @param node        node id within the region
 * @param at          when the agent measured, ISO-8601 with offset
 * @param reachable   whether the node answered; may be omitted when {@code rttMs} is given
 * @param rttMs       round-trip time in milliseconds
 * @param jitterMs    jitter in milliseconds
 * @param lossPercent packet loss in percent, 0..100
 */
public record ProbeReading(String region, String node, Instant at, Boolean reachable, Double rttMs,
                           Double jitterMs, Double lossPercent) {
}
