package dev.forewarn.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An outbox row: one notice for one customer about one incident event, and how its delivery went. */
@Entity
@Table(name = "notice")
public class Notice {
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public Long incidentId;

    @Column(name = "event_id")
    public Long eventId;

    @Column(name = "customer_id")
    public String customerId;

    public String kind;

    public String status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "last_error")
    public String lastError;

    /** The addresses it went to, recorded when sent. */
    public String recipients;

    public String subject;

    /** The maintenance window of a maintenance notice; null for incident notices. */
    @Column(name = "maintenance_id")
    public Long maintenanceId;

    /** Start of the maintenance occurrence the notice is about. */
    @Column(name = "occurrence_at")
    public Instant occurrenceAt;

    /** {@code email}, or {@code webhook} for the customer's machine-readable copy. */
    public String channel = EMAIL;

    public static final String EMAIL = "email";
    public static final String WEBHOOK = "webhook";

    /** The maintenance step key, e.g. {@code ADVANCE-3600}, {@code START}, {@code CANCELLED}. */
    public String step;
}
