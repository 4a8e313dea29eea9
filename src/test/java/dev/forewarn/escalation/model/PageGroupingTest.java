package dev.forewarn.escalation.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Deadline;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageGroupingTest {

    @ParameterizedTest(name = "{0}/{1} {2} {3} {4}→{5} team {6}, incident {7} -> {8}")
    @CsvSource(nullValues = "-", value = {
            // no region incident: the ticket's own page, keyed by the tier the stage pages
            "zendesk, 42, FIRST_RESPONSE, half, L1, L1, network, -, forewarn-zendesk-42-first-response-half-L1",
            // nobody on call in L1: the key still names the stage's tier, so a later L1 page is the same page
            "zendesk, 42, RESOLUTION, breach, L1, L2, network, -, forewarn-zendesk-42-resolution-breach-L1",
            // an open region incident groups tickets by incident, stage, routed tier and team — not by ticket
            "zendesk, 42, FIRST_RESPONSE, half, L1, L1, network, 7, forewarn-incident-7-first-response-half-L1-network",
            "json, 99, FIRST_RESPONSE, half, L1, L1, network, 7, forewarn-incident-7-first-response-half-L1-network",
            // another team of the same incident is paged apart
            "json, 99, FIRST_RESPONSE, half, L1, L1, client, 7, forewarn-incident-7-first-response-half-L1-client",
            // grouped pages follow the routed tier: whoever is actually paged owns the group
            "json, 99, FIRST_RESPONSE, half, L1, L2, client, 7, forewarn-incident-7-first-response-half-L2-client",
    })
    void keysAPageByTicketOrByRegionIncident(String source, String ticket, Deadline deadline, String stage, Tier tier,
                                              Tier routed, String team, Long incident, String expected) {
        assertThat(PageGrouping.dedupKey(source, ticket, deadline, stage, tier, routed, team, incident))
                .isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void neverExceedsTheKeyLengthEveryChannelAccepts() {
        String key = PageGrouping.dedupKey("zendesk", "x".repeat(400), Deadline.RESOLUTION, "breach", Tier.L3,
                Tier.L3, "network", null);
        assertThat(key).hasSize(PageGrouping.MAX_KEY).startsWith("forewarn-zendesk-xxx");
    }
}
