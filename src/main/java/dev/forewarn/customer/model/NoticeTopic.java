package dev.forewarn.customer.model;

import java.util.Arrays;
import java.util.Optional;

/** What a customer may opt out of, as the preferences page offers it. */
public enum NoticeTopic {
    /** Advance warnings and their updates. */
    WARNINGS("warnings"),
    /** All-clears after a region recovered. */
    ALL_CLEARS("all-clears"),
    /** Planned maintenance: advance, start, end and corrections. */
    MAINTENANCE("maintenance");

    private final String slug;

    NoticeTopic(String slug) {
        this.slug = slug;
    }

    /** Stable name stored in {@code customer.muted_kinds} and used in forms and the API. */
    public String slug() {
        return slug;
    }

    public static Optional<NoticeTopic> ofSlug(String slug) {
        return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst();
    }

    /** The topic of a stored notice kind ({@code WARNING}, {@code UPDATE}, {@code ALL_CLEAR}, {@code MAINTENANCE}). */
    public static NoticeTopic ofNoticeKind(String kind) {
        return switch (kind) {
            case "ALL_CLEAR" -> ALL_CLEARS;
            case "MAINTENANCE" -> MAINTENANCE;
            default -> WARNINGS;
        };
    }
}
