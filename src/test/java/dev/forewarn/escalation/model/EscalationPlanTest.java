package dev.forewarn.escalation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.StagePlan;
import dev.forewarn.sla.model.StageTrigger;
import dev.forewarn.sla.model.WarningStage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EscalationPlanTest {

    @Test
    void defaultsGiveL1AndL2TenMinutesAndL3Fifteen() {
        var plan = EscalationPlan.defaults();

        assertThat(plan.stages()).isEqualTo(StagePlan.defaults());
        assertThat(plan.ackTimeout(Tier.L1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(plan.ackTimeout(Tier.L2)).isEqualTo(Duration.ofMinutes(10));
        assertThat(plan.ackTimeout(Tier.L3)).isEqualTo(Duration.ofMinutes(15));
    }

    @ParameterizedTest(name = "L1 {0}, L2 {1}, L3 {2}")
    @CsvSource({
            // a tier without a timeout
            "PT10M, PT10M, ",
            // a zero timeout would escalate at once
            "PT0S,  PT10M, PT15M",
            // a negative timeout
            "PT10M, -PT1M, PT15M",
    })
    void rejectsMissingOrNonPositiveTimeouts(Duration l1, Duration l2, Duration l3) {
        var timeouts = new HashMap<Tier, Duration>();
        timeouts.put(Tier.L1, l1);
        timeouts.put(Tier.L2, l2);
        if (l3 != null) {
            timeouts.put(Tier.L3, l3);
        }

        assertThatThrownBy(() -> new EscalationPlan(StagePlan.defaults(), timeouts))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTwoStagesWithTheSameName() {
        var twice = new StagePlan(List.of(
                new WarningStage("late", Tier.L1, new StageTrigger.ShareElapsed(0.5)),
                new WarningStage("late", Tier.L2, new StageTrigger.ShareElapsed(0.8))));
        var timeouts = Map.of(Tier.L1, Duration.ofMinutes(5), Tier.L2, Duration.ofMinutes(5),
                Tier.L3, Duration.ofMinutes(5));

        assertThatThrownBy(() -> new EscalationPlan(twice, timeouts)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("late");
    }
}
