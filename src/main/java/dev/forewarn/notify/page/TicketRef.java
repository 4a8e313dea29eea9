package dev.forewarn.notify.page;

import java.util.Objects;

/** A ticket a page is about, as shown to the on-call engineer (url may be null). */
public record TicketRef(String id, String subject, String customer, String url) {

    public TicketRef {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("ticket id must not be blank");
        }
        subject = Objects.requireNonNullElse(subject, "");
        customer = Objects.requireNonNullElse(customer, "");
    }
}
