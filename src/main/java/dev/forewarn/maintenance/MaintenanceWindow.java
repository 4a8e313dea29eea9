package dev.forewarn.maintenance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import dev.forewarn.maintenance.model.MaintenanceSchedule;
import dev.forewarn.maintenance.model.Occurrence;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** A planned maintenance of a region, once or weekly: customers are told ahead, at its start and end, and no degradation notice goes out while it lasts. */
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

    public static final String SCHEDULED = "SCHEDULED";
    public static final String CANCELLED = "CANCELLED";

    /** {@code SCHEDULED} or {@code CANCELLED}; a cancelled window is kept for its notices and the status page. */
    public String status = SCHEDULED;

    /** Raised on every change, so a correction notice goes out once per change. */
    public int revision = 1;

    /** Zone of a weekly window; null for a one-off window from {@code startsAt} to {@code endsAt}. */
    @Column(name = "weekly_zone")
    public String weeklyZone;

    /** Day of a weekly window, e.g. {@code SUNDAY}. */
    @Column(name = "weekly_day")
    public String weeklyDay;

    /** Local start time of a weekly window, e.g. {@code 02:00}. */
    @Column(name = "weekly_start")
    public String weeklyStart;

    /** Local end time of a weekly window (the next day when not after the start). */
    @Column(name = "weekly_end")
    public String weeklyEnd;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the window is in force: once, or weekly from {@code startsAt} until {@code endsAt}. */
    public MaintenanceSchedule schedule() {
        if (weeklyZone == null) {
            return new MaintenanceSchedule.Once(new Occurrence(startsAt, endsAt));
        }
        return new MaintenanceSchedule.Weekly(DayOfWeek.valueOf(weeklyDay), LocalTime.parse(weeklyStart),
                LocalTime.parse(weeklyEnd), ZoneId.of(weeklyZone), startsAt, endsAt);
    }

    public boolean covers(Instant t) {
        return SCHEDULED.equals(status) && schedule().covering(t).isPresent();
    }
}
