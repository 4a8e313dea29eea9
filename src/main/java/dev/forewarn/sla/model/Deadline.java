package dev.forewarn.sla.model;

/** The two deadlines every ticket has under an SLA policy. */
public enum Deadline {
    FIRST_RESPONSE, RESOLUTION
}
