package dev.forewarn.quality.model;

/**
 * The limits {@link RegionEvaluator} judges a region against.
 *
 * @param degradedMedianMos        median node MOS below this is DEGRADED (default 3.6, "noticeably degraded")
 * @param degradedWorstDecileMos   worst-decile node MOS below this is DEGRADED (default 3.1, "poor" for a tenth of nodes)
 * @param outageMedianMos          median node MOS below this is an OUTAGE (default 2.6)
 * @param degradedUnreachableShare share of reporting nodes unreachable at or above this is DEGRADED (default 0.2)
 * @param outageUnreachableShare   share of reporting nodes unreachable at or above this is an OUTAGE (default 0.5)
 * @param minReportingShare        below this share of expected nodes reporting fresh data the region is UNKNOWN (default 0.5)
 */
public record QualityThresholds(double degradedMedianMos, double degradedWorstDecileMos, double outageMedianMos,
                                double degradedUnreachableShare, double outageUnreachableShare,
                                double minReportingShare) {

    /** The documented defaults. */
    public static final QualityThresholds DEFAULTS = new QualityThresholds(3.6, 3.1, 2.6, 0.2, 0.5, 0.5);

    public QualityThresholds {
        requireWithin(degradedMedianMos, 1, 4.5, "degradedMedianMos");
        requireWithin(degradedWorstDecileMos, 1, 4.5, "degradedWorstDecileMos");
        requireWithin(outageMedianMos, 1, 4.5, "outageMedianMos");
        requireWithin(degradedUnreachableShare, 0, 1, "degradedUnreachableShare");
        requireWithin(outageUnreachableShare, 0, 1, "outageUnreachableShare");
        requireWithin(minReportingShare, 0, 1, "minReportingShare");
        // An outage limit looser than the degraded one would let a region skip DEGRADED in the wrong direction.
        if (outageMedianMos > degradedMedianMos) {
            throw new IllegalArgumentException("outageMedianMos (" + outageMedianMos
                    + ") must not exceed degradedMedianMos (" + degradedMedianMos + ")");
        }
        if (outageUnreachableShare < degradedUnreachableShare) {
            throw new IllegalArgumentException("outageUnreachableShare (" + outageUnreachableShare
                    + ") must not be below degradedUnreachableShare (" + degradedUnreachableShare + ")");
        }
    }

    private static void requireWithin(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be within [" + min + ", " + max + "] but was " + value);
        }
    }
}
