package dev.forewarn.notify.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.notify.email.MaintenanceFacts;
import dev.forewarn.notify.email.NoticeFacts;
import java.time.Instant;

/**
 * The machine-readable notice a customer's webhook receives (schema {@value #SCHEMA}, documented in
 * docs/customer-webhook.md): the same facts as the email, as data a program can act on.
 */
public final class NoticePayload {
    public static final String SCHEMA = "forewarn.notice/v1";

    private NoticePayload() {
    }

    /** A warning, update or all-clear about a region incident. */
    public static ObjectNode of(long noticeId, String customerId, NoticeFacts f) {
        ObjectNode root = base(noticeId, customerId, f.kind().name().toLowerCase().replace('_', '-'), f.regionId(),
                f.regionName());
        root.put("state", f.state().name());
        root.put("previous_state", f.previousState() == null ? null : f.previousState().name());
        root.put("since", iso(f.since()));
        root.put("at", iso(f.at()));
        root.put("resolved_at", iso(f.resolvedAt()));
        root.put("incident_id", f.incidentId());
        ObjectNode evidence = root.putObject("evidence");
        evidence.put("median_mos", f.medianMos());
        evidence.put("worst_decile_mos", f.worstDecileMos());
        evidence.put("p95_rtt_ms", f.p95RttMs());
        evidence.put("median_jitter_ms", f.medianJitterMs());
        evidence.put("loss_ratio", f.lossRatio());
        evidence.put("unreachable_share", f.unreachableShare());
        evidence.put("nodes_unreachable", f.nodesUnreachable());
        evidence.put("nodes_expected", f.nodesExpected());
        return root;
    }

    /** A maintenance notice: advance, start, end, changed or cancelled. */
    public static ObjectNode of(long noticeId, String customerId, MaintenanceFacts f) {
        ObjectNode root = base(noticeId, customerId, "maintenance", f.regionId(), f.regionName());
        root.put("state", "MAINTENANCE");
        ObjectNode m = root.putObject("maintenance");
        m.put("id", f.maintenanceId());
        m.put("step", f.step().getClass().getSimpleName().toLowerCase());
        m.put("starts_at", iso(f.start()));
        m.put("ends_at", iso(f.end()));
        m.put("reason", f.reason());
        return root;
    }

    private static ObjectNode base(long noticeId, String customerId, String kind, String regionId, String regionName) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schema", SCHEMA);
        root.put("notice_id", noticeId);
        root.put("kind", kind);
        root.put("customer_id", customerId);
        root.putObject("region").put("id", regionId).put("name", regionName);
        return root;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
