package dev.forewarn.probe.format;

import java.util.List;

/**
 * A batch of readings from one in-house agent, polled from it or pushed to {@code POST /api/probes}.
 *
 * @param agent    free-form agent name, for logs and rejections
 * @param readings the observations, validated one by one
 */
public record ProbeReport(String agent, List<ProbeReading> readings) {
}
