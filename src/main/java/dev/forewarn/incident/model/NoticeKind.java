package dev.forewarn.incident.model;

/** The kind of customer notice an incident transition produces: first warning, follow-up, or all-clear. */
public enum NoticeKind {
    WARNING("warning"),
    UPDATE("update"),
    ALL_CLEAR("all-clear");

    private final String slug;

    NoticeKind(String slug) {
        this.slug = slug;
    }

    /** Stable lower-case name used in template ids and outbox rows. */
    public String slug() {
        return slug;
    }
}
