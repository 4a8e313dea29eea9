package dev.forewarn.db;

import java.time.Instant;

/** Reads the column values native queries return, whichever driver type a timestamp arrives as. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an instant; null stays null. */
    public static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + o.getClass());
    }
}
