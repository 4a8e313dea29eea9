package dev.forewarn.notify.email;

import java.util.Objects;

/** One notice rendered for one customer: a single-line subject and the plain-text and HTML bodies of the email. */
public record RenderedNotice(String subject, String text, String html) {
    public RenderedNotice {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
