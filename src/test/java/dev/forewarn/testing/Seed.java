package dev.forewarn.testing;

import java.time.Duration;
import java.time.Instant;

/** Rows written straight into the test database, for tests that start from a given state rather than a story. */
public final class Seed {
    private Seed() {
    }

    /**
     * An urgent Zendesk ticket of team "default" with its history; each change reads "STATUS@minutes after
     * {@code t0}", the first one at creation. The SLA watch picks it up at its next tick.
     */
    public static void urgentTicket(String id, String subject, Instant t0, Instant firstResponse, Instant solved,
                                    String... changes) {
        Instant created = at(t0, changes[0]);
        String last = changes[changes.length - 1].split("@")[0];
        Db.exec("INSERT INTO ticket (source, id, subject, severity, status, team, customer_id, created_at, updated_at, "
                + "first_response_at, solved_at, url, first_seen_at, next_check_at) VALUES ('zendesk', '" + id + "', '"
                + subject + "', 'URGENT', '" + last + "', 'default', 'acme', '" + created + "', '" + created + "', "
                + sql(firstResponse) + ", " + sql(solved) + ", 'https://support.example/tickets/" + id + "', '"
                + created + "', '" + created + "')");
        for (int i = 0; i < changes.length; i++) {
            Db.exec("INSERT INTO ticket_change (source, ticket_id, seq, at, status, severity) VALUES ('zendesk', '"
                    + id + "', " + (i + 1) + ", '" + at(t0, changes[i]) + "', '" + changes[i].split("@")[0]
                    + "', 'URGENT')");
        }
    }

    /** A region judged degraded at {@code at}, with the evidence a person would read. */
    public static void degradedRegion(String region, Instant at, String reason) {
        Db.exec("INSERT INTO region_status (region_id, settled_state, observed_state, evaluated_at, evidence) VALUES ('"
                + region + "', 'DEGRADED', 'DEGRADED', '" + at + "', '{\"nodesExpected\":4,\"nodesReporting\":4,"
                + "\"nodesUnreachable\":1,\"unreachableShare\":0.25,\"medianMos\":3.41,\"worstDecileMos\":2.95,"
                + "\"p95RttMs\":312.0,\"medianJitterMs\":38.0,\"meanLossRatio\":0.031,\"reason\":\"" + reason + "\"}')");
    }

    private static Instant at(Instant t0, String change) {
        return t0.plus(Duration.ofMinutes(Long.parseLong(change.split("@")[1])));
    }

    private static String sql(Instant t) {
        return t == null ? "NULL" : "'" + t + "'";
    }
}
