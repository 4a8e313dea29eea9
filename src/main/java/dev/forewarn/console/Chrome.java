package dev.forewarn.console;

import java.util.ArrayList;
import java.util.List;

/**
 * What every console page shows around its content: title, who is signed in, the viewer's zone with the zone
 * selector, the CSRF token for its forms and how often it reloads itself (0: never).
 */
public record Chrome(String title, String section, String viewer, String role, ViewerTime time, String csrf,
                     String back, long refreshSeconds) {

    private static final List<String> ZONES = List.of("UTC", "Europe/London", "Europe/Berlin", "Europe/Moscow",
            "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney",
            "America/Sao_Paulo", "America/New_York", "America/Chicago", "America/Los_Angeles");

    /** The zones offered by the selector, the viewer's own first when it is not among the usual ones. */
    public List<String> zones() {
        List<String> zones = new ArrayList<>(ZONES);
        if (!zones.contains(time.zoneName())) {
            zones.add(0, time.zoneName());
        }
        return zones;
    }

    public boolean signedIn() {
        return viewer != null;
    }
}
