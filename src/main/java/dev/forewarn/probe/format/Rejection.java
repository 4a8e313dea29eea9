package dev.forewarn.probe.format;

/**
 * Why one reading of a probe report was not accepted.
 *
 * @param index  position of the reading in {@code readings}, or -1 when the whole report is rejected
 * @param field  the JSON field at fault ({@code report} or {@code readings} for the whole report)
 * @param reason what is wrong, for the agent's developer
 */
public record Rejection(int index, String field, String reason) {
}
