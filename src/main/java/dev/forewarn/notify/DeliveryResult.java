package dev.forewarn.notify;

/** How one delivery attempt went: a value, never an exception, so the outbox decides what happens next. */
public sealed interface DeliveryResult {

    /** The peer accepted the message. */
    record Delivered() implements DeliveryResult {
    }

    /** Worth trying again later (peer down, timeout, temporary refusal). */
    record Retryable(String reason) implements DeliveryResult {
    }

    /** Trying again cannot help (rejected address, bad request). */
    record Permanent(String reason) implements DeliveryResult {
    }
}
