package dev.forewarn.sla.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;

/** A date on which a plan's business hours are closed, from 00:00 to 24:00 local time, with the name people use for it. */
public record Holiday(LocalDate date, String name) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        name = name == null ? "" : name.strip();
    }

    /**
     * Reads {@code "2026-12-25"} or {@code "2026-12-25 Christmas Day"}.
     *
     * @throws IllegalArgumentException naming the text when it does not start with an ISO date
     */
    public static Holiday parse(String text) {
        String t = text == null ? "" : text.strip();
        int space = t.indexOf(' ');
        String date = space < 0 ? t : t.substring(0, space);
        try {
            return new Holiday(LocalDate.parse(date), space < 0 ? "" : t.substring(space + 1));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a holiday like 2026-12-25 or "
                    + "\"2026-12-25 Christmas Day\"");
        }
    }

    @Override
    public String toString() {
        return name.isEmpty() ? date.toString() : date + " " + name;
    }
}
