package dev.forewarn.security;

import java.util.Locale;

/** What an API key may do; each role includes the ones before it. */
public enum Role {
    /** Read everything the API shows. */
    VIEWER,
    /** Also acknowledge and resolve pages, manage overrides and maintenance windows, push probe readings. */
    OPERATOR,
    /** Also manage customers. */
    ADMIN;

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    public static Role parse(String value, String key) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalStateException(key + " must be viewer, operator or admin but was '" + value + "'");
        }
    }
}
