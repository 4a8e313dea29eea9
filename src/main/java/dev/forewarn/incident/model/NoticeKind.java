package dev.forewarn.incident.model;

/** The kind of customer notice: an incident's first warning, follow-up or all-clear, or a maintenance notice. */
public enum NoticeKind {
    WARNING("warning"),
    UPDATE("update"),
    ALL_CLEAR("all-clear"),
    /** Planned maintenance of a region: advance, start, end or correction; the step is stored with the notice. */
    MAINTENANCE("maintenance");

    private final String slug;

    NoticeKind(String slug) {
        this.slug = slug;
    }

    /** Stable lower-case name used in template ids and outbox rows. */
    public String slug() {
        return slug;
    }
}
