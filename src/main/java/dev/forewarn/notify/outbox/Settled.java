package dev.forewarn.notify.outbox;

import dev.forewarn.notify.model.DeliveryPolicy;
import java.time.Instant;

/** A message whose attempt is decided: the verdict to record, decided at {@code at}. */
public record Settled<M>(Message<M> message, DeliveryPolicy.Verdict verdict, Instant at) {
}
