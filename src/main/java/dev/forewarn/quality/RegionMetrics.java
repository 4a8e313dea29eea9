package dev.forewarn.quality;

import io.quarkus.runtime.Startup;
import dev.forewarn.quality.model.RegionAssessment;
import dev.forewarn.quality.model.RegionEvidence;
import dev.forewarn.quality.model.RegionState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Per-region quality gauges; a figure that could not be measured is NaN, never a fake zero.
 *
 * <p>{@code forewarn_region_state}: -1 unknown, 0 healthy, 1 degraded, 2 outage.
 */
@ApplicationScoped
@Startup
public class RegionMetrics {

    private final MeterRegistry registry;
    private final Map<String, Figures> figures = new ConcurrentHashMap<>();

    /** Latest figures of one region, read by the gauges. */
    static final class Figures {
        volatile double state = -1;
        volatile double medianMos = Double.NaN;
        volatile double worstDecileMos = Double.NaN;
        volatile double p95RttSeconds = Double.NaN;
        volatile double jitterSeconds = Double.NaN;
        volatile double lossRatio = Double.NaN;
        volatile double unreachableRatio = Double.NaN;
        volatile double nodesReporting;
    }

    @Inject
    public RegionMetrics(MeterRegistry registry, RegionCatalog catalog) {
        this.registry = registry;
        catalog.all().forEach(r -> figuresOf(r.id()));
    }

    void update(String regionId, RegionAssessment assessment, RegionState shown) {
        Figures f = figuresOf(regionId);
        RegionEvidence e = assessment.evidence();
        f.state = shown.severity();
        f.medianMos = orNaN(e.medianMos());
        f.worstDecileMos = orNaN(e.worstDecileMos());
        f.p95RttSeconds = orNaN(e.p95RttMs()) / 1000.0;
        f.jitterSeconds = orNaN(e.medianJitterMs()) / 1000.0;
        f.lossRatio = orNaN(e.meanLossRatio());
        f.unreachableRatio = e.nodesReporting() == 0 ? Double.NaN : e.unreachableShare();
        f.nodesReporting = e.nodesReporting();
    }

    private Figures figuresOf(String regionId) {
        return figures.computeIfAbsent(regionId, id -> {
            Figures f = new Figures();
            Tags region = Tags.of("region", id);
            gauge("forewarn.region.state", region, f, x -> x.state, "Judged state: -1 unknown, 0 healthy, 1 degraded, 2 outage");
            gauge("forewarn.region.mos", region.and("stat", "median"), f, x -> x.medianMos, "Estimated MOS over the region's nodes");
            gauge("forewarn.region.mos", region.and("stat", "worst_decile"), f, x -> x.worstDecileMos, "Estimated MOS over the region's nodes");
            gauge("forewarn.region.rtt.p95.seconds", region, f, x -> x.p95RttSeconds, "95th percentile node round-trip time");
            gauge("forewarn.region.jitter.seconds", region, f, x -> x.jitterSeconds, "Median node jitter");
            gauge("forewarn.region.loss.ratio", region, f, x -> x.lossRatio, "Mean packet loss of reachable nodes");
            gauge("forewarn.region.unreachable.ratio", region, f, x -> x.unreachableRatio, "Share of reporting nodes unreachable");
            gauge("forewarn.region.nodes.reporting", region, f, x -> x.nodesReporting, "Nodes with fresh probe data");
            return f;
        });
    }

    private void gauge(String name, Tags tags, Figures f, ToDoubleFunction<Figures> read, String help) {
        Gauge.builder(name, f, read).tags(tags).description(help).strongReference(true).register(registry);
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
