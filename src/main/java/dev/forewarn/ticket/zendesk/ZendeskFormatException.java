package dev.forewarn.ticket.zendesk;

/** Thrown when a Zendesk export page as a whole cannot be read, naming what is wrong with it. */
public final class ZendeskFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public ZendeskFormatException(String message) {
        super(message);
    }

    public ZendeskFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
