package dev.forewarn.notify.page;

import dev.forewarn.notify.model.DeliveryResult;
import java.util.concurrent.CompletableFuture;

/** One way of reaching the on-call engineer (PagerDuty, Alertmanager, webhook, chat). */
public interface PagerChannel {

    /** A short, stable name for logs and the {@code channel} metric tag. */
    String name();

    /**
     * Sends one page; the future never completes exceptionally, every failure is a {@link DeliveryResult}
     * so the outbox alone decides about retries.
     */
    CompletableFuture<DeliveryResult> deliver(PageMessage m);
}
