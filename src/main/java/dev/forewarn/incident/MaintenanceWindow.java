package dev.forewarn.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A planned maintenance of a region: quality is still judged, but no degradation notice goes out. */
@Entity
@Table(name = "maintenance_window")
public class MaintenanceWindow {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "region_id")
    public String regionId;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;

    public boolean covers(Instant t) {
        return !t.isBefore(startsAt) && t.isBefore(endsAt);
    }
}
