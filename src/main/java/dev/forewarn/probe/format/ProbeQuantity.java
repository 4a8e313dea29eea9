package dev.forewarn.probe.format;

/** What one Prometheus query measures per node; RTT and JITTER arrive in seconds, LOSS as a ratio, UP as 0/1. */
public enum ProbeQuantity {
    RTT,
    JITTER,
    LOSS,
    UP
}
