package dev.forewarn.notify.webhook;

import dev.forewarn.security.HmacSigner;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.notify.http.JsonPoster;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.Map;

/**
 * Posts a customer's machine-readable notice to its webhook, signed like the page webhook:
 * {@value HmacSigner#SIGNATURE_HEADER} = {@code sha256=HMAC(secret, timestamp + "." + body)} with
 * {@value HmacSigner#TIMESTAMP_HEADER}; {@code X-Forewarn-Notice} repeats the notice id for deduplication.
 */
@ApplicationScoped
public class CustomerWebhookSender {
    @Inject
    HttpFetcher http;
    @Inject
    ForewarnConfig config;
    @Inject
    Clock clock;

    /** Where and with which secret a customer receives its notices. */
    public record Target(String url, String secret) {
    }

    public Uni<DeliveryResult> send(Target target, long noticeId, ObjectNode payload) {
        // The HTTP client completes on its own thread; the outcome is recorded in this drain's Vert.x context,
        // where its database session belongs.
        io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
        Uni<DeliveryResult> sent = Uni.createFrom().completionStage(() -> new JsonPoster(http).deliver("customer webhook", URI.create(target.url()), () -> {
            byte[] body = JsonPoster.toBytes(payload);
            long timestamp = clock.instant().getEpochSecond();
            return new JsonPoster.Request(body, Map.of(
                    HmacSigner.TIMESTAMP_HEADER, Long.toString(timestamp),
                    HmacSigner.SIGNATURE_HEADER, new HmacSigner(target.secret()).sign(timestamp, body),
                    "X-Forewarn-Notice", Long.toString(noticeId)));
        }, config.notices().sendTimeout()));
        return context == null ? sent : sent.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }
}
