package dev.forewarn.notify;

/** The three notices a customer can get about a region incident. */
public enum NoticeKind {
    WARNING("warning"), UPDATE("update"), ALL_CLEAR("all-clear");

    private final String slug;

    NoticeKind(String slug) {
        this.slug = slug;
    }

    /** Name used in template file names. */
    public String slug() {
        return slug;
    }
}
