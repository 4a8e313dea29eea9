package dev.forewarn.probe;

import dev.forewarn.quality.model.NodeSample;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recent probe samples of every node, kept in memory for the length of the sample window.
 *
 * <p>Samples are not persisted: after a restart the window fills again within one window, and until then a
 * region with too few fresh nodes is UNKNOWN — never judged on stale data.
 */
@ApplicationScoped
public class ProbeStore {
    // Bounds memory per node whatever the poll interval; more samples than this add nothing to the window.
    private static final int MAX_SAMPLES_PER_NODE = 120;

    private final Map<String, Map<String, Deque<NodeSample>>> byRegion = new ConcurrentHashMap<>();

    public void record(NodeSample sample) {
        Deque<NodeSample> deque = byRegion.computeIfAbsent(sample.region(), r -> new ConcurrentHashMap<>())
                .computeIfAbsent(sample.node(), n -> new ArrayDeque<>());
        synchronized (deque) {
            deque.addLast(sample);
            while (deque.size() > MAX_SAMPLES_PER_NODE) {
                deque.removeFirst();
            }
        }
    }

    /** Samples of one node taken after {@code now - window}, oldest first. */
    public List<NodeSample> recent(String region, String node, Instant now, Duration window) {
        Map<String, Deque<NodeSample>> nodes = byRegion.get(region);
        Deque<NodeSample> deque = nodes == null ? null : nodes.get(node);
        if (deque == null) {
            return List.of();
        }
        Instant from = now.minus(window);
        synchronized (deque) {
            while (!deque.isEmpty() && !deque.peekFirst().at().isAfter(from.minus(window))) {
                deque.removeFirst();
            }
            List<NodeSample> out = new ArrayList<>(deque.size());
            for (NodeSample s : deque) {
                if (s.at().isAfter(from)) {
                    out.add(s);
                }
            }
            return out;
        }
    }

    /** Forgets every sample; used when tests simulate a restart. */
    public void clear() {
        byRegion.clear();
    }
}
