package dev.forewarn.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The blackbox path's HTTP client against a real server on loopback that answers as scripted per path: what it
 * sends, how it keeps and limits connections, and every failure a caller must be able to tell apart.
 */
class KeepAliveClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final BodyReader<String> TEXT = (bytes, offset, length) ->
            new String(bytes, offset, length, StandardCharsets.UTF_8);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void sendsThePreparedRequestAndReusesOneConnection() {
        Server server = server(request -> Answer.ok("probe_success 1\n"));
        KeepAliveClient client = client(4);
        KeepAliveClient.Prepared get = client.prepare(server.uri("/probe?module=icmp&target=10.0.0.1"),
                Map.of("X-Prometheus-Scrape-Timeout-Seconds", "5.0"));

        for (int i = 0; i < 5; i++) {
            assertThat(client.read(get, TIMEOUT, 1024, TEXT).join()).isEqualTo("probe_success 1\n");
        }

        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(server.requests).hasSize(5).allSatisfy(r -> assertThat(r)
                .startsWith("GET /probe?module=icmp&target=10.0.0.1 HTTP/1.1\r\n")
                .contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n")
                .contains("\r\nX-Prometheus-Scrape-Timeout-Seconds: 5.0\r\n")
                .contains("\r\nUser-Agent: Forewarn\r\n"));
    }

    @Test
    void readsChunkedAnswersWrittenInPieces() {
        Server server = server(request -> new Answer(List.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
                "6\r\nprobe_", "\r\n", "9\r\nsuccess 1\r\n0\r\n", "\r\n"), false, 20));
        KeepAliveClient client = client(4);
        KeepAliveClient.Prepared get = client.prepare(server.uri("/probe"), Map.of());

        assertThat(client.read(get, TIMEOUT, 1024, TEXT).join()).isEqualTo("probe_success 1");
        assertThat(client.read(get, TIMEOUT, 1024, TEXT).join()).isEqualTo("probe_success 1");
        assertThat(server.connections.get()).isEqualTo(1);
    }

    @Test
    void neverOpensMoreConnectionsThanAllowedAndEveryRequestIsAnswered() {
        Server server = server(request -> Answer.ok("n").slow(100));
        KeepAliveClient client = client(3);
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add(client.read(client.prepare(server.uri("/probe?target=" + i), Map.of()), TIMEOUT, 1024, TEXT));
        }

        assertThat(all).allSatisfy(f -> assertThat(f.join()).isEqualTo("n"));
        assertThat(server.connections.get()).isEqualTo(3);
        assertThat(server.mostAtOnce.get()).isEqualTo(3);
    }

    @Test
    void aKeptConnectionTheServerDroppedIsReplacedWithoutTheCallerNoticing() {
        // Each connection answers once, then hangs up on the next request without a word, as a server whose idle
        // timeout fires just as that request arrives: the GET is repeated once on a new connection.
        Server server = server((request, onConnection) -> onConnection == 1 ? Answer.ok("fresh")
                : new Answer(List.of(), true, 0));
        KeepAliveClient client = client(1);
        KeepAliveClient.Prepared get = client.prepare(server.uri("/probe"), Map.of());

        for (int i = 0; i < 3; i++) {
            assertThat(client.read(get, TIMEOUT, 1024, TEXT).join()).isEqualTo("fresh");
        }
        assertThat(server.connections.get()).isEqualTo(3);
        assertThat(server.requests).hasSize(5);
    }

    @Test
    void aConnectionDroppedTwiceInARowFailsTheRequest() {
        Server server = server((request, onConnection) -> onConnection == 1 && request.contains("/first")
                ? Answer.ok("first") : new Answer(List.of(), true, 0));
        KeepAliveClient client = client(1);
        assertThat(client.read(client.prepare(server.uri("/first"), Map.of()), TIMEOUT, 1024, TEXT).join())
                .isEqualTo("first");

        FetchException failure = failure(client.read(client.prepare(server.uri("/second"), Map.of()), TIMEOUT, 1024,
                TEXT));
        assertThat(failure.kind()).isEqualTo(FetchException.Kind.IO);
        assertThat(failure.getMessage()).contains("connection closed before any answer");
    }

    @Test
    void anErrorStatusFailsWithTheStatusAndTheBody() {
        Server server = server(request -> new Answer(List.of(
                "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy"), false, 0));
        KeepAliveClient client = client(1);

        FetchException failure = failure(client.read(client.prepare(server.uri("/probe"), Map.of()), TIMEOUT, 1024,
                TEXT));
        assertThat(failure.kind()).isEqualTo(FetchException.Kind.HTTP_STATUS);
        assertThat(failure.status()).isEqualTo(503);
        assertThat(failure.body()).isEqualTo("busy");
        assertThat(failure.getMessage()).contains("GET http://127.0.0.1:" + server.port() + "/probe");
    }

    @Test
    void aBodyAboveTheCapFailsAsTooLargeAndTheNextRequestStillWorks() {
        Server server = server(request -> request.contains("/big") ? Answer.ok("x".repeat(5000))
                : Answer.ok("small"));
        KeepAliveClient client = client(1);

        FetchException failure = failure(client.read(client.prepare(server.uri("/big"), Map.of()), TIMEOUT, 1000,
                TEXT));
        assertThat(failure.kind()).isEqualTo(FetchException.Kind.TOO_LARGE);
        assertThat(client.read(client.prepare(server.uri("/small"), Map.of()), TIMEOUT, 1000, TEXT).join())
                .isEqualTo("small");
    }

    @Test
    void anAnswerLateBeyondTheDeadlineTimesOutAndTheConnectionIsNotReused() {
        Server server = server(request -> request.contains("/slow") ? Answer.ok("late").slow(3000)
                : Answer.ok("quick"));
        KeepAliveClient client = client(1);

        FetchException failure = failure(client.read(client.prepare(server.uri("/slow"), Map.of()),
                Duration.ofMillis(300), 1024, TEXT));
        assertThat(failure.kind()).isEqualTo(FetchException.Kind.TIMEOUT);
        assertThat(failure.getMessage()).contains("no complete answer within PT0.3S");
        // The late answer must not be taken for the next request's: that one gets its own connection.
        assertThat(client.read(client.prepare(server.uri("/quick"), Map.of()), TIMEOUT, 1024, TEXT).join())
                .isEqualTo("quick");
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void aServerThatIsNotThereIsAConnectFailure() throws IOException {
        int port;
        try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = unused.getLocalPort();
        }
        KeepAliveClient client = client(1);
        FetchException failure = failure(client.read(client.prepare(URI.create("http://127.0.0.1:" + port + "/probe"),
                Map.of()), TIMEOUT, 1024, TEXT));
        assertThat(failure.kind()).isEqualTo(FetchException.Kind.CONNECT);
    }

    @Test
    void aMalformedAnswerIsAnIoFailureNamingWhatWasWrong() {
        Server server = server(request -> new Answer(List.of("SSH-2.0-OpenSSH_9.2\r\n\r\n"), true, 0));
        KeepAliveClient client = client(1);

        FetchException failure = failure(client.read(client.prepare(server.uri("/probe"), Map.of()), TIMEOUT, 1024,
                TEXT));
        assertThat(failure.kind()).isEqualTo(FetchException.Kind.IO);
        assertThat(failure.getMessage()).contains("not an HTTP/1.x status line");
    }

    @Test
    void theReadersExceptionIsTheFailure() {
        Server server = server(request -> Answer.ok("garbage"));
        KeepAliveClient client = client(1);
        IllegalArgumentException unreadable = new IllegalArgumentException("no probe_success");

        assertThatThrownBy(() -> client.read(client.prepare(server.uri("/probe"), Map.of()), TIMEOUT, 1024,
                (bytes, offset, length) -> {
                    throw unreadable;
                }).join()).isInstanceOf(CompletionException.class).hasCause(unreadable);
    }

    @Test
    void itsThreadEndsWhenIdleConnectionsExpireAndComesBackForTheNextRequest() throws InterruptedException {
        Server server = server(request -> Answer.ok("again"));
        KeepAliveClient client = new KeepAliveClient("test", new HttpSettings(Duration.ofSeconds(5), 2,
                Duration.ofSeconds(1)));
        open.add(client);
        KeepAliveClient.Prepared get = client.prepare(server.uri("/probe"), Map.of());

        assertThat(client.read(get, TIMEOUT, 1024, TEXT).join()).isEqualTo("again");
        assertThat(client.running()).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (client.running() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(client.running()).as("thread ended after the keep-alive").isFalse();
        server.awaitClosed(1);

        assertThat(client.read(get, TIMEOUT, 1024, TEXT).join()).isEqualTo("again");
        assertThat(server.connections.get()).isEqualTo(2);
    }

    @Test
    void onlyPlainHttpIsPrepared() {
        KeepAliveClient client = client(1);
        assertThatThrownBy(() -> client.prepare(URI.create("https://exporter:9115/probe"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.prepare(URI.create("http://exporter/probe"), Map.of("X-Evil", "a\r\nb")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Evil");
    }

    private static FetchException failure(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(FetchException.class);
            return (FetchException) e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    private KeepAliveClient client(int connections) {
        KeepAliveClient client = new KeepAliveClient("test", HttpSettings.DEFAULTS.withConnectionsPerHost(connections));
        open.add(client);
        return client;
    }

    private Server server(Function<String, Answer> script) {
        return server((request, onConnection) -> script.apply(request));
    }

    /** A server whose script also gets the request's number on its connection (1 for the first). */
    private Server server(BiFunction<String, Integer, Answer> script) {
        try {
            Server server = new Server(script);
            open.add(server);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the server writes for one request: pieces with a pause before each, then whether it hangs up. */
    private record Answer(List<String> pieces, boolean close, long pauseMillis) {
        static Answer ok(String body) {
            return new Answer(List.of("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body), false, 0);
        }

        Answer slow(long millis) {
            return new Answer(pieces, close, millis);
        }
    }

    /** A loopback HTTP server with one thread per connection, answering each request as scripted. */
    private static final class Server implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final BiFunction<String, Integer, Answer> script;
        private final List<String> requests = new CopyOnWriteArrayList<>();
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();
        private final AtomicInteger connections = new AtomicInteger();
        private final AtomicInteger closed = new AtomicInteger();
        private final AtomicInteger atOnce = new AtomicInteger();
        private final AtomicInteger mostAtOnce = new AtomicInteger();

        Server(BiFunction<String, Integer, Answer> script) throws IOException {
            this.script = script;
            Thread acceptor = new Thread(this::accept, "test-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port() + path);
        }

        void awaitClosed(int count) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (closed.get() < count && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            assertThat(closed.get()).isGreaterThanOrEqualTo(count);
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    accepted.add(s);
                    connections.incrementAndGet();
                    Thread t = new Thread(() -> serve(s), "test-connection");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                for (int onConnection = 1; ; onConnection++) {
                    String request = readHead(in);
                    if (request == null) {
                        return;
                    }
                    requests.add(request);
                    int now = atOnce.incrementAndGet();
                    mostAtOnce.accumulateAndGet(now, Math::max);
                    try {
                        Answer answer = script.apply(request, onConnection);
                        for (String piece : answer.pieces()) {
                            if (answer.pauseMillis() > 0) {
                                Thread.sleep(answer.pauseMillis());
                            }
                            out.write(piece.getBytes(StandardCharsets.UTF_8));
                            out.flush();
                        }
                        if (answer.close()) {
                            return;
                        }
                    } finally {
                        atOnce.decrementAndGet();
                    }
                }
            } catch (IOException | InterruptedException e) {
                // The client went away: this connection is done.
            } finally {
                closed.incrementAndGet();
            }
        }

        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                String text = head.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r\n\r\n")) {
                    return text;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }
}
