package dev.forewarn.http;

import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Provides the one {@link HttpFetcher} that pager channels, customer webhooks and ticket sources share, built
 * with {@link HttpSettings#DEFAULTS}; probe polling builds its own, sized to its concurrency.
 */
@ApplicationScoped
public class OutboundHttp {

    @Produces
    @Singleton
    HttpFetcher shared(Vertx vertx) {
        return new HttpFetcher(vertx, HttpSettings.DEFAULTS);
    }

    void close(@Disposes HttpFetcher fetcher) {
        fetcher.close();
    }
}
