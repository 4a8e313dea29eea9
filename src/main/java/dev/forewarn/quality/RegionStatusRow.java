package dev.forewarn.quality;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The persisted judgement of one region, so a restart resumes its hysteresis where it stood. */
@Entity
@Table(name = "region_status")
public class RegionStatusRow {
    @Id
    @Column(name = "region_id")
    public String regionId;

    @Column(name = "settled_state")
    public String settledState;

    @Column(name = "observed_state")
    public String observedState;

    @Column(name = "pending_state")
    public String pendingState;

    @Column(name = "pending_since")
    public Instant pendingSince;

    @Column(name = "last_known_at")
    public Instant lastKnownAt;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    public String evidence;
}
