package dev.forewarn.maintenance;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.customer.Audience;
import dev.forewarn.customer.model.NoticeTopic;
import dev.forewarn.maintenance.model.MaintenanceNoticePlan;
import dev.forewarn.maintenance.model.MaintenanceStep;
import dev.forewarn.maintenance.model.Occurrence;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Queues maintenance notices in the notice outbox: the advance, start and end notices the plan says are due (to
 * the customers of the region, by their preferences), and a correction when a window changes or is cancelled (to
 * the customers already told about it). The outbox's unique key per (window, occurrence, step, customer) makes
 * every notice go out once, however often this runs and on however many replicas.
 */
@ApplicationScoped
public class MaintenanceNotifier {
    private static final Logger LOG = Logger.getLogger(MaintenanceNotifier.class);

    private static final String QUEUE = """
            INSERT INTO notice (maintenance_id, occurrence_at, step, customer_id, kind, status, attempts,
                                next_attempt_at, created_at, channel)
            SELECT CAST(:window AS bigint), CAST(:occurrence AS timestamptz), CAST(:step AS text), c.id,
                   'MAINTENANCE', 'PENDING', 0, CAST(:now AS timestamptz), CAST(:now AS timestamptz), ch.channel
              FROM customer c CROSS JOIN (VALUES ('email'), ('webhook')) AS ch (channel)
             WHERE %s AND (%s) IS NULL AND (ch.channel = 'email' OR c.webhook_url IS NOT NULL)
            ON CONFLICT (maintenance_id, occurrence_at, step, customer_id, channel) WHERE maintenance_id IS NOT NULL
            DO NOTHING""";

    private static final String TO_REGION_CUSTOMERS = QUEUE.formatted("CAST(:region AS text) = ANY (c.regions)",
            Audience.SKIP_REASON);

    private static final String TO_TOLD_CUSTOMERS = QUEUE.formatted(
            "c.id IN (SELECT n.customer_id FROM notice n WHERE n.maintenance_id = CAST(:window AS bigint))",
            Audience.SKIP_REASON);

    @Inject
    MaintenanceWindowRepository windows;
    @Inject
    ForewarnConfig config;
    @Inject
    Clock clock;

    MaintenanceNoticePlan plan() {
        return new MaintenanceNoticePlan(config.status().maintenanceLeadTimes(), config.status().maintenanceEndGrace());
    }

    /** Queues every maintenance notice due now; returns how many were queued. */
    @WithTransaction
    public Uni<Integer> queueDue() {
        Instant now = clock.instant();
        MaintenanceNoticePlan plan = plan();
        return windows.scheduled(now.minus(config.status().maintenanceEndGrace()))
                .chain(ws -> Multi.createFrom().iterable(ws)
                        .onItem().transformToMultiAndConcatenate(w -> Multi.createFrom().iterable(
                                plan.due(w.schedule(), now)).map(due -> new Object[]{w, due}))
                        .onItem().transformToUniAndConcatenate(pair -> {
                            MaintenanceWindow w = (MaintenanceWindow) pair[0];
                            MaintenanceNoticePlan.Due due = (MaintenanceNoticePlan.Due) pair[1];
                            return queue(TO_REGION_CUSTOMERS, w, due.occurrence(), due.step(), now);
                        })
                        .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    /**
     * Queues the correction of a changed or cancelled window to the customers told about it so far; call in the
     * transaction that stores the change.
     */
    public Uni<Integer> queueCorrection(MaintenanceWindow w, Occurrence about, Instant now) {
        MaintenanceStep step = MaintenanceWindow.CANCELLED.equals(w.status) ? new MaintenanceStep.Cancelled()
                : new MaintenanceStep.Changed(w.revision);
        return queue(TO_TOLD_CUSTOMERS, w, about, step, now);
    }

    private Uni<Integer> queue(String sql, MaintenanceWindow w, Occurrence occurrence, MaintenanceStep step,
                               Instant now) {
        return windows.getSession().chain(s -> s.createNativeQuery(sql)
                        .setParameter("window", w.id)
                        .setParameter("occurrence", occurrence.start())
                        .setParameter("step", step.key())
                        .setParameter("now", now)
                        .setParameter("region", w.regionId)
                        .setParameter("topic", NoticeTopic.MAINTENANCE.slug())
                        .executeUpdate())
                .invoke(queued -> {
                    if (queued > 0) {
                        LOG.infof("Maintenance #%d (%s): %s notice for %s queued for %d customer(s)", w.id,
                                w.regionId, step.key(), occurrence.start(), queued);
                    }
                });
    }
}
