package dev.forewarn.escalation;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.escalation.model.EscalationPlan;
import dev.forewarn.oncall.OnCallBook;
import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.StageTrigger;
import dev.forewarn.sla.model.StagePlan;
import dev.forewarn.sla.model.WarningStage;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The escalation plan (warning stages, acknowledgement timeouts) built from configuration and checked at start-up. */
@ApplicationScoped
public class EscalationPlans {
    @Inject
    ForewarnConfig config;

    private volatile EscalationPlan escalationPlan;

    /** The escalation plan from configuration, built and validated once (start-up fails naming the key). */
    public EscalationPlan escalation() {
        EscalationPlan plan = escalationPlan;
        if (plan == null) {
            plan = build(config);
            escalationPlan = plan;
        }
        return plan;
    }

    /** Refuses unknown tiers, bad stages and timeouts in forewarn.escalation, naming the key. */
    public static void check(ForewarnConfig config) {
        build(config);
    }

    private static EscalationPlan build(ForewarnConfig config) {
        EscalationPlan defaults = EscalationPlan.defaults();
        Map<Tier, Duration> timeouts = new EnumMap<>(defaults.ackTimeout());
        config.escalation().ackTimeout().forEach((tier, d) ->
                timeouts.put(OnCallBook.tier(tier, "forewarn.escalation.ack-timeout." + tier), d));
        StagePlan stages = config.escalation().stages().map(EscalationPlans::stages).orElse(StagePlan.defaults());
        try {
            return new EscalationPlan(stages, timeouts);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("forewarn.escalation: " + e.getMessage(), e);
        }
    }

    private static StagePlan stages(List<ForewarnConfig.StageConfig> configured) {
        List<WarningStage> stages = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            ForewarnConfig.StageConfig c = configured.get(i);
            String key = "forewarn.escalation.stages[" + i + "]";
            if (c.share().isPresent() == c.leadTime().isPresent()) {
                throw new IllegalStateException(key + ": give exactly one of share and lead-time");
            }
            StageTrigger trigger = c.share().isPresent()
                    ? new StageTrigger.ShareElapsed(c.share().getAsDouble())
                    : new StageTrigger.LeadTime(c.leadTime().get());
            try {
                stages.add(new WarningStage(c.name(), OnCallBook.tier(c.tier(), key + ".tier"), trigger));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(key + ": " + e.getMessage(), e);
            }
        }
        try {
            return new StagePlan(stages);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("forewarn.escalation.stages: " + e.getMessage(), e);
        }
    }

    void validateAtStartup(@Observes StartupEvent ignored) {
        escalation();
    }
}
