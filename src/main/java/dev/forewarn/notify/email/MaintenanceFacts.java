package dev.forewarn.notify.email;

import dev.forewarn.maintenance.model.MaintenanceSchedule;
import dev.forewarn.maintenance.model.MaintenanceStep;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything one customer notice about one maintenance window says.
 *
 * @param maintenanceId the window's id, quoted as the reference
 * @param customerName  addressee
 * @param language      the customer's language tag
 * @param zone          the customer's time zone
 * @param regionId      the region under maintenance
 * @param regionName    its display name
 * @param step          which notice: advance, start, end, changed or cancelled
 * @param start         start of the occurrence the notice is about (for a change: the new next start)
 * @param end           its end
 * @param weekly        the recurrence of a weekly window, or null for a one-off window
 * @param reason        what the operator said the maintenance is for
 */
public record MaintenanceFacts(long maintenanceId, String customerName, String language, ZoneId zone,
                               String regionId, String regionName, MaintenanceStep step, Instant start, Instant end,
                               MaintenanceSchedule.Weekly weekly, String reason) {
    public MaintenanceFacts {
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(regionName, "regionName");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        reason = reason == null ? "" : reason;
    }
}
