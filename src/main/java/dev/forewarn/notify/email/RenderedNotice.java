package dev.forewarn.notify.email;

import java.util.Objects;

/**
 * One notice rendered for one customer: a single-line subject, the plain-text and HTML bodies of the email, and the
 * language tag they are written in (what the {@code Content-Language} header says).
 */
public record RenderedNotice(String subject, String text, String html, String language) {
    public RenderedNotice {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(language, "language");
    }
}
