package dev.forewarn.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpFetcherTest {

    private static final String METRICS = "# TYPE probe_success gauge\nprobe_success 1\n";
    private static final int MAX_BYTES = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofMillis(400);

    private static final int CONNECTIONS = 4;

    private static HttpServer server;
    private static ExecutorService handlers;
    private static final Set<Integer> CLIENT_PORTS = ConcurrentHashMap.newKeySet();
    private static Vertx vertx;
    private static HttpFetcher fetcher;

    @BeforeAll
    static void startServer() throws IOException {
        vertx = Vertx.vertx();
        fetcher = new HttpFetcher(vertx, Duration.ofSeconds(2), CONNECTIONS);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.createContext("/metrics", exchange -> respond(exchange, 200, METRICS));
        server.createContext("/count-connections", exchange -> {
            CLIENT_PORTS.add(exchange.getRemoteAddress().getPort());
            sleep(20);
            respond(exchange, 200, METRICS);
        });
        server.createContext("/empty", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/latin1", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=ISO-8859-1");
            byte[] body = "région".getBytes(StandardCharsets.ISO_8859_1);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/echo-header", exchange ->
                respond(exchange, 200, String.valueOf(exchange.getRequestHeaders().getFirst("X-Scope-OrgID"))));
        server.createContext("/exactly-max", exchange -> respond(exchange, 200, "x".repeat(MAX_BYTES)));
        server.createContext("/error", exchange -> respond(exchange, 500, "boom"));
        server.createContext("/bad-query", exchange -> respond(exchange, 400,
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}"));
        server.createContext("/huge-error", exchange -> respond(exchange, 503, "e".repeat(MAX_BYTES * 4)));
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/metrics");
            respond(exchange, 301, "");
        });
        server.createContext("/huge-declared", exchange -> respond(exchange, 200, "x".repeat(MAX_BYTES + 1)));
        server.createContext("/huge-chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) 'x');
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 4096; i++) {
                    out.write(chunk);
                }
            } catch (IOException clientHungUp) {
                // expected: the fetcher stops reading at the cap
            }
        });
        server.createContext("/chunked-pieces", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 3000; i++) {
                    out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    if (i % 100 == 0) {
                        out.flush();
                    }
                }
            }
        });
        server.createContext("/slow-headers", exchange -> {
            sleep(5_000);
            respond(exchange, 200, METRICS);
        });
        server.createContext("/slow-body", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("probe_success 1\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(5_000);
                out.write("probe_duration_seconds 0.1\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException clientHungUp) {
                // expected: the fetcher gave up
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        fetcher.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server.stop(0);
        handlers.shutdownNow();
        handlers.awaitTermination(5, TimeUnit.SECONDS);
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                // a plain 200 with a metrics body
                Arguments.of("/metrics", Map.of(), METRICS),
                // 204 gives an empty body
                Arguments.of("/empty", Map.of(), ""),
                // the charset of the Content-Type is honoured
                Arguments.of("/latin1", Map.of(), "région"),
                // caller headers are sent (a tenant header for a multi-tenant Prometheus)
                Arguments.of("/echo-header", Map.of("X-Scope-OrgID", "forewarn"), "forewarn"),
                // a body of exactly maxBytes is not too large
                Arguments.of("/exactly-max", Map.of(), "x".repeat(MAX_BYTES)));
    }

    @ParameterizedTest
    @MethodSource("answers")
    void returnsTheBodyOfASuccessfulAnswer(String path, Map<String, String> headers, String expected) throws Exception {
        assertThat(fetcher.get(uri(path), Duration.ofSeconds(5), MAX_BYTES, headers).get(10, TimeUnit.SECONDS))
                .isEqualTo(expected);
    }

    @Test
    void handsTheWholeBodyOfManyChunksToAReaderAsBytesAndReusesItsBuffer() throws Exception {
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            expected.append("line ").append(i).append('\n');
        }
        HttpFetcher.PreparedGet get = fetcher.prepare(uri("/chunked-pieces"), Map.of());
        List<byte[]> arrays = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            // Generous: this may be the class's first exchange, paying Vert.x' warm-up on a busy machine.
            String body = fetcher.read(get, Duration.ofSeconds(30), MAX_BYTES, (bytes, offset, length) -> {
                arrays.add(bytes);
                return new String(bytes, offset, length, StandardCharsets.UTF_8);
            }).get(60, TimeUnit.SECONDS);
            assertThat(body).isEqualTo(expected.toString());
        }
        // One request at a time: the array grown for the first answer is the one the next answers fill.
        assertThat(arrays.get(2)).isSameAs(arrays.get(1));
    }

    @Test
    void failsWithWhatTheReaderThrows() {
        IllegalStateException unreadable = new IllegalStateException("not a probe answer");
        Throwable thrown = catchThrowable(() -> fetcher.read(fetcher.prepare(uri("/metrics"), Map.of()),
                Duration.ofSeconds(5), MAX_BYTES, (bytes, offset, length) -> {
                    throw unreadable;
                }).get(10, TimeUnit.SECONDS));

        assertThat(thrown).isInstanceOf(ExecutionException.class).hasCause(unreadable);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                // a server error
                Arguments.of("/error", FetchException.Kind.HTTP_STATUS, 500, "boom"),
                // Prometheus' 400 keeps its JSON error body for the caller
                Arguments.of("/bad-query", FetchException.Kind.HTTP_STATUS, 400,
                        "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}"),
                // a huge error body is truncated to maxBytes, still an HTTP_STATUS failure
                Arguments.of("/huge-error", FetchException.Kind.HTTP_STATUS, 503, "e".repeat(MAX_BYTES)),
                // redirects are not followed
                Arguments.of("/moved", FetchException.Kind.HTTP_STATUS, 301, ""),
                // Content-Length above the cap fails before reading
                Arguments.of("/huge-declared", FetchException.Kind.TOO_LARGE, 0, null),
                // a chunked 32 MiB body fails at the cap
                Arguments.of("/huge-chunked", FetchException.Kind.TOO_LARGE, 0, null));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void classifiesFailedAnswers(String path, FetchException.Kind kind, int status, String body) {
        FetchException failure = failureOf(uri(path), Duration.ofSeconds(5));

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.body()).isEqualTo(body);
        assertThat(failure.getMessage()).contains(path);
    }

    static Stream<Arguments> slowAnswers() {
        return Stream.of(
                // no headers within the timeout
                Arguments.of("/slow-headers"),
                // headers at once, then a body that stalls: the deadline covers the whole exchange
                Arguments.of("/slow-body"));
    }

    @ParameterizedTest
    @MethodSource("slowAnswers")
    void timesOutInAboutTheTimeout(String path) {
        long start = System.nanoTime();

        FetchException failure = failureOf(uri(path), TIMEOUT);

        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        assertThat(failure.kind()).isEqualTo(FetchException.Kind.TIMEOUT);
        assertThat(elapsed).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50)).isLessThan(TIMEOUT.plusMillis(1_000));
    }

    @Test
    void reportsARefusedConnection() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        FetchException failure = failureOf(URI.create("http://127.0.0.1:" + closedPort + "/probe"), TIMEOUT);

        assertThat(failure.kind()).isEqualTo(FetchException.Kind.CONNECT);
    }

    @Test
    void reusesABoundedPoolOfKeepAliveConnections() throws Exception {
        CLIENT_PORTS.clear();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            answers.add(fetcher.get(uri("/count-connections"), Duration.ofSeconds(5), MAX_BYTES, Map.of()));
        }

        for (CompletableFuture<String> answer : answers) {
            assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(METRICS);
        }
        // 60 requests at once, never more connections than the pool allows: the rest wait and reuse them.
        assertThat(CLIENT_PORTS).hasSizeLessThanOrEqualTo(CONNECTIONS).isNotEmpty();
    }

    @Test
    void completesOnTheCallersEventLoop() throws Exception {
        CompletableFuture<Thread> caller = new CompletableFuture<>();
        CompletableFuture<Thread> completion = new CompletableFuture<>();
        vertx.runOnContext(ignored -> {
            caller.complete(Thread.currentThread());
            fetcher.get(uri("/metrics"), Duration.ofSeconds(5), MAX_BYTES, Map.of())
                    .whenComplete((body, failure) -> completion.complete(Thread.currentThread()));
        });

        // Hibernate Reactive, which the poller's next step needs, must stay on the caller's context.
        assertThat(completion.get(10, TimeUnit.SECONDS)).isSameAs(caller.get(10, TimeUnit.SECONDS));
    }

    private static FetchException failureOf(URI uri, Duration timeout) {
        Throwable thrown = catchThrowable(() -> fetcher.get(uri, timeout, MAX_BYTES, Map.of()).get(10, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(FetchException.class);
        return (FetchException) thrown.getCause();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientHungUp) {
            // expected when the fetcher stops at its cap
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
