package dev.forewarn.quality.model;

/**
 * An arithmetic mean built one value at a time with the compensated summation of
 * {@link java.util.stream.DoubleStream#average()}, so the figures match the streams they replace to the bit,
 * without their allocations.
 */
final class Mean {
    private double sum;
    private double compensation;
    private double simpleSum;
    private int count;

    void add(double value) {
        double tmp = value - compensation;
        double velvel = sum + tmp;
        compensation = (velvel - sum) - tmp;
        sum = velvel;
        simpleSum += value;
        count++;
    }

    int count() {
        return count;
    }

    /** The mean of the values added; NaN when none was. */
    double value() {
        if (count == 0) {
            return Double.NaN;
        }
        double total = sum - compensation;
        if (Double.isNaN(total) && Double.isInfinite(simpleSum)) {
            total = simpleSum;
        }
        return total / count;
    }
}
