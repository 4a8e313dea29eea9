package dev.forewarn.testing;

import dev.forewarn.http.HttpFetcher;
import dev.forewarn.http.HttpSettings;
import dev.forewarn.notify.http.JsonPoster;
import io.vertx.core.Vertx;

/**
 * The outbound HTTP client as production builds it, for plain JUnit tests of HTTP adapters: its own Vert.x
 * and the shared client settings. Close it after the test class so its event loops stop.
 */
public final class TestHttp implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final HttpFetcher fetcher = new HttpFetcher(vertx, HttpSettings.DEFAULTS);

    public HttpFetcher fetcher() {
        return fetcher;
    }

    /** A poster on the shared client, as the pager channels get one. */
    public JsonPoster poster() {
        return new JsonPoster(fetcher);
    }

    @Override
    public void close() {
        fetcher.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
