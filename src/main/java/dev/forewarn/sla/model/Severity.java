package dev.forewarn.sla.model;

/** Ticket severity as the support organisation defines it (urgent P1, important P2, general P3). */
public enum Severity {
    URGENT, IMPORTANT, GENERAL
}
