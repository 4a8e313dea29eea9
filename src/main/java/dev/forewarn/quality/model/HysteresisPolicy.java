package dev.forewarn.quality.model;

import java.time.Duration;

/**
 * How long a raw state must hold before {@link Hysteresis} settles on it.
 *
 * @param sustainedWindow how long a worse state must hold before the region settles on it
 * @param recoveryWindow  how long a better state must hold before the region settles on it
 */
public record HysteresisPolicy(Duration sustainedWindow, Duration recoveryWindow) {
    public HysteresisPolicy {
        if (sustainedWindow == null || sustainedWindow.isNegative()) {
            throw new IllegalArgumentException("sustainedWindow must be non-negative but was " + sustainedWindow);
        }
        if (recoveryWindow == null || recoveryWindow.isNegative()) {
            throw new IllegalArgumentException("recoveryWindow must be non-negative but was " + recoveryWindow);
        }
    }
}
