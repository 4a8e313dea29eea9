package dev.forewarn.bench;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The probed "nodes" of {@code bin/bench blackbox}: one HTTP server on 127.0.0.1 that answers {@code 200 ok} on
 * every path, so a blackbox exporter's {@code http_2xx} module can probe thousands of targets
 * ({@code http://127.0.0.1:PORT/r<region>/n<node>}) on one port. Prints {@code nodes-url} once listening and the
 * requests answered every 30 s; stops by itself after {@code FOR_SECONDS}.
 * Usage: {@code HttpNodes PORT FOR_SECONDS}.
 */
public final class HttpNodes {

    private HttpNodes() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        long forSeconds = Long.parseLong(args[1]);
        Vertx vertx = Vertx.vertx();
        AtomicLong answered = new AtomicLong();
        Buffer ok = Buffer.buffer("ok\n");
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            answered.incrementAndGet();
            request.response().putHeader("Content-Type", "text/plain").end(ok);
        });
        server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        System.out.println("nodes-url http://127.0.0.1:" + server.actualPort());
        vertx.setPeriodic(30_000, id -> System.out.println("answered " + answered.get()));
        vertx.setTimer(TimeUnit.SECONDS.toMillis(forSeconds), id -> {
            System.out.println("stopping after " + forSeconds + " s");
            vertx.close();
        });
    }
}
