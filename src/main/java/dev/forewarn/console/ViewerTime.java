package dev.forewarn.console;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants and spans as a person reads them, in the viewer's time zone: the zone comes from the {@value #COOKIE}
 * cookie (set by the zone selector, or once from the browser's own zone by a tiny inline script), UTC without it.
 */
public record ViewerTime(ZoneId zone, Instant now) {
    /** The cookie holding the viewer's zone, an IANA name such as Europe/Berlin. */
    public static final String COOKIE = "fw_tz";

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    /** "JST", "CET" or "CEST" as the instant has it (daylight saving included). */
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    /** The viewer's time from the cookie's value (URL-encoded or not); UTC when absent or not a zone. */
    public static ViewerTime of(String cookie, Instant now) {
        return new ViewerTime(zoneOf(cookie).orElse(ZoneOffset.UTC), now);
    }

    /** The zone a cookie or form value names, if it is a valid region-based zone or UTC. */
    public static java.util.Optional<ZoneId> zoneOf(String value) {
        if (value == null || value.isBlank() || value.length() > 64) {
            return java.util.Optional.empty();
        }
        try {
            String name = URLDecoder.decode(value, StandardCharsets.UTF_8).strip();
            return java.util.Optional.of(name.equals("UTC") ? ZoneOffset.UTC : ZoneId.of(name));
        } catch (DateTimeException | IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The zone's name as shown next to every time ("Europe/Berlin", "UTC"). */
    public String zoneName() {
        return zone.getId().equals("Z") ? "UTC" : zone.getId();
    }

    /** "Mon 2 Mar 10:42 CET"; a dash for no instant. */
    public String at(Instant t) {
        if (t == null) {
            return "—";
        }
        var local = t.atZone(zone);
        return DAY_TIME.format(local) + " " + (zone instanceof ZoneOffset ? "UTC" : ZONE.format(local));
    }

    /** "10:42:07", the time of day in the viewer's zone, for timelines within a day. */
    public String time(Instant t) {
        return t == null ? "—" : TIME.format(t.atZone(zone));
    }

    /** The ISO-8601 instant, for a {@code <time datetime>} attribute. */
    public String iso(Instant t) {
        return t == null ? "" : t.toString();
    }

    /** "in 7m", "in 1h 05m", "3m ago"; a dash for no instant. */
    public String relative(Instant t) {
        if (t == null) {
            return "—";
        }
        Duration d = Duration.between(now, t);
        return d.isNegative() ? span(d.negated()) + " ago" : "in " + span(d);
    }

    /** A span such as "15m", "2h 00m", "1d 4h"; negative spans read as their size. */
    public static String span(Duration d) {
        long s = Math.abs(d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + "m";
        }
        long h = m / 60;
        if (h < 48) {
            return String.format(Locale.ROOT, "%dh %02dm", h, m % 60);
        }
        return (h / 24) + "d " + (h % 24) + "h";
    }

    /** A span given in seconds, as {@link #span(Duration)}; a dash for none. */
    public String seconds(Long s) {
        return s == null ? "—" : span(Duration.ofSeconds(s));
    }
}
