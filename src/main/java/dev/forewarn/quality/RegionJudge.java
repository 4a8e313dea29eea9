package dev.forewarn.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.polling.ItemFailures;
import dev.forewarn.quality.model.Hysteresis;
import dev.forewarn.quality.model.HysteresisPolicy;
import dev.forewarn.quality.model.HysteresisStep;
import dev.forewarn.quality.model.MosEstimator;
import dev.forewarn.quality.model.NodeMeasurement;
import dev.forewarn.quality.model.NodeSeries;
import dev.forewarn.quality.model.NodeWindow;
import dev.forewarn.quality.model.RegionAssessment;
import dev.forewarn.quality.model.RegionEvaluator;
import dev.forewarn.quality.model.RegionState;
import dev.forewarn.quality.model.RegionStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Judges every region once per evaluation tick: folds fresh samples into node measurements, assesses the
 * region, applies hysteresis, and hands settled changes to the incident service — all in one transaction
 * per tick, so the stored judgement and the incidents it caused never disagree.
 */
@ApplicationScoped
public class RegionJudge {
    private static final Logger LOG = Logger.getLogger(RegionJudge.class);

    @Inject
    RegionCatalog catalog;
    @Inject
    SampleStore store;
    @Inject
    SettledChanges incidents;
    @Inject
    RegionStatusRepository statusRepository;
    @Inject
    ForewarnConfig config;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;
    @Inject
    RegionMetrics metrics;
    @Inject
    ItemFailures failures;

    private final Map<String, RegionStatus> statuses = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** One region's outcome of a tick. */
    public record Judgement(String regionId, RegionAssessment assessment, HysteresisStep step) {
    }

    /** Evaluates all regions at the clock's current instant. */
    public Uni<List<Judgement>> evaluateAll() {
        Instant now = clock.instant();
        return loadStatuses().chain(() -> {
            List<Judgement> judgements = judge(now);
            return Panache.withTransaction(() -> persist(judgements, now))
                    .invoke(() -> judgements.forEach(j -> {
                        statuses.put(j.regionId(), j.step().next());
                        metrics.update(j.regionId(), j.assessment(), j.step().next().shown());
                    }))
                    .replaceWith(judgements);
        });
    }

    /** The earliest moment a running worsening or recovery run can settle, if any region has one. */
    public Optional<Instant> nextDue() {
        HysteresisPolicy policy = policy();
        return statuses.values().stream().map(s -> Hysteresis.dueAt(s, policy)).flatMap(Optional::stream)
                .min(Instant::compareTo);
    }

    private HysteresisPolicy policy() {
        return new HysteresisPolicy(config.evaluation().sustainedWindow(), config.evaluation().recoveryWindow());
    }

    /** Forgets the in-memory state so the next tick reloads it from the database (a simulated restart). */
    public void forget() {
        statuses.clear();
        loaded = false;
    }

    private List<Judgement> judge(Instant now) {
        MosEstimator mos = new MosEstimator(config.evaluation().codecDelay().toNanos() / 1_000_000.0);
        HysteresisPolicy policy = policy();
        List<Judgement> out = new ArrayList<>();
        for (RegionCatalog.Region region : catalog.all()) {
            try {
                out.add(judgeOne(region, mos, policy, now));
            } catch (RuntimeException e) {
                // One region's bad data must not blind Forewarn to every other region: it keeps its last judgement.
                failures.failed(ItemFailures.Step.REGION_JUDGEMENT, region.id(), e);
            }
        }
        return out;
    }

    private Judgement judgeOne(RegionCatalog.Region region, MosEstimator mos, HysteresisPolicy policy, Instant now) {
        List<NodeMeasurement> measurements = new ArrayList<>(region.nodes().size());
        Duration window = config.evaluation().sampleWindow();
        Instant from = now.minus(window);
        // Samples older than twice the window can never count again: forgotten as they are read.
        Instant forget = from.minus(window);
        Instant dataAt = Instant.MIN;
        for (String node : region.nodes().keySet()) {
            NodeSeries series = store.series(region.id(), node, forget);
            if (series == null) {
                continue;
            }
            synchronized (series) {
                NodeWindow.summarize(node, series, now, window, mos).ifPresent(measurements::add);
                Instant newest = series.newestIn(from, now);
                if (newest != null && newest.isAfter(dataAt)) {
                    dataAt = newest;
                }
            }
        }
        RegionAssessment assessment = RegionEvaluator.assess(region.nodes().size(), measurements,
                region.thresholds());
        RegionStatus current = statuses.getOrDefault(region.id(), RegionStatus.initial());
        // Windows run in probe time: a run starts when the probes first showed it, not when this tick ran.
        HysteresisStep step = Hysteresis.advance(current, assessment.state(),
                dataAt == Instant.MIN ? now : dataAt, now, policy);
        if (current.shown() != step.next().shown()) {
            LOG.infof("Region %s observed %s: %s", region.id(), step.next().shown(),
                    assessment.evidence().reason());
        }
        return new Judgement(region.id(), assessment, step);
    }

    /**
     * Stores every region's judgement in one statement, then hands the settled changes to the incident service one
     * after the other (one session: never concurrently).
     */
    private Uni<Void> persist(List<Judgement> judgements, Instant now) {
        List<RegionStatusRow> rows = new ArrayList<>(judgements.size());
        for (Judgement j : judgements) {
            rows.add(row(j, now));
        }
        Uni<Void> chain = statusRepository.upsertAll(rows);
        for (int i = 0; i < judgements.size(); i++) {
            Judgement j = judgements.get(i);
            String evidence = rows.get(i).evidence;
            if (j.step().change().isPresent()) {
                chain = chain.chain(() -> incidents.apply(j.regionId(), j.step().change().get(), evidence, now));
            }
        }
        return chain;
    }

    private RegionStatusRow row(Judgement j, Instant now) {
        RegionStatus next = j.step().next();
        RegionStatusRow row = new RegionStatusRow();
        row.regionId = j.regionId();
        row.settledState = next.settled().name();
        row.observedState = next.observed().name();
        row.pendingState = next.pending() == null ? null : next.pending().name();
        row.pendingSince = next.pendingSince();
        row.lastKnownAt = next.lastKnownAt();
        row.evaluatedAt = now;
        row.evidence = json(j.assessment().evidence());
        return row;
    }

    private Uni<Void> loadStatuses() {
        if (loaded) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> statusRepository.listAll()).invoke(rows -> {
            for (RegionStatusRow row : rows) {
                if (!catalog.exists(row.regionId)) {
                    // A region no longer configured is never judged again: a run it had pending would stay due
                    // for ever, and the wake-up timer (Pipeline.judgeWhenDue) would judge in a tight loop.
                    continue;
                }
                statuses.put(row.regionId, new RegionStatus(RegionState.valueOf(row.settledState),
                        RegionState.valueOf(row.observedState),
                        row.pendingState == null ? null : RegionState.valueOf(row.pendingState),
                        row.pendingSince, row.lastKnownAt));
            }
            loaded = true;
        }).replaceWithVoid();
    }

    private String json(Object evidence) {
        try {
            return mapper.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence not serialisable", e);
        }
    }
}
