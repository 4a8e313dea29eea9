package dev.forewarn.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an incident's timeline, with the evidence that caused it. */
@Entity
@Table(name = "incident_event")
public class IncidentEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public Long incidentId;

    /** When the change was decided. */
    public Instant at;

    /** When the run that led to the change began, in probe time; null on old rows. */
    public Instant since;

    /** OPENED, WORSENED, IMPROVED, RECURRED or RESOLVED. */
    public String kind;

    @Column(name = "from_state")
    public String fromState;

    @Column(name = "to_state")
    public String toState;

    /** The notice kind customers get for this event, or null when the event notifies nobody. */
    @Column(name = "notice_kind")
    public String noticeKind;

    /** True when a maintenance window held back the notices this event would have sent. */
    public boolean muted;

    public String evidence;
}
