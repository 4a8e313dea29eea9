package dev.forewarn.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * The one place Forewarn builds an outbound HTTP client: Vert.x' client on the event loops Quarkus already runs,
 * with a bounded keep-alive pool per host. Polling thousands of targets or posting a burst of pages reuses a few
 * connections instead of paying the JDK client's selector thread, executor hand-offs and per-request futures.
 */
public final class HttpClients {

    private HttpClients() {
    }

    /** A client with these settings; redirects are refused per request by {@link HttpFetcher}. */
    public static HttpClient create(Vertx vertx, HttpSettings settings) {
        return vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                        .setKeepAlive(true)
                        .setKeepAliveTimeout(Math.toIntExact(settings.keepAlive().toSeconds()))
                        .setTryUseCompression(false),
                new PoolOptions().setHttp1MaxSize(settings.connectionsPerHost()));
    }
}
