package dev.forewarn.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A region incident as stored: open while the region is degraded or down, resolved on recovery. */
@Entity
@Table(name = "incident")
public class Incident {
    public static final String OPEN = "OPEN";
    public static final String RESOLVED = "RESOLVED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "region_id")
    public String regionId;

    public String status;

    /** Current level: DEGRADED or OUTAGE. */
    public String state;

    /** Worst level customers were told about in the current warning cycle. */
    @Column(name = "worst_state")
    public String worstState;

    /** When the incident was opened: the moment its degradation had lasted the sustained window. */
    @Column(name = "opened_at")
    public Instant openedAt;

    /** When the degradation began, in probe time (the start of the run that opened it); null on old rows. */
    @Column(name = "began_at")
    public Instant beganAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** JSON of the evidence behind the latest change. */
    public String evidence;
}
