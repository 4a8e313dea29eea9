package dev.forewarn.ticket.json;

/** Thrown when a body is not a Forewarn JSON ticket document at all, naming where it goes wrong. */
public final class TicketFormatException extends Exception implements dev.forewarn.polling.ReasonedFailure {

    private static final long serialVersionUID = 1L;

    public TicketFormatException(String message) {
        super(message);
    }

    public TicketFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String reason() {
        return "malformed";
    }
}
