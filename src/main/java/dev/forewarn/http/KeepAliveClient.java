package dev.forewarn.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A small HTTP/1.1 client for the one hot path that fetches thousands of small plain-HTTP documents per minute from
 * the same server: a blackbox exporter's {@code /probe} answers (issue 15). Requests are encoded once by
 * {@link #prepare}; one selector thread writes them on keep-alive connections, frames the answers
 * ({@link ResponseFramer}) into an array each connection reuses, and hands the body bytes to the caller's
 * {@link BodyReader} — no request objects, header maps, pipelines or buffers per exchange.
 *
 * <p>Its contract is {@link HttpFetcher#read}'s: a deadline on the whole exchange (waiting for a connection
 * included), a cap on the body, the same {@link FetchException} kinds. What it leaves to {@link HttpFetcher}: TLS
 * ({@code https} URIs are refused by {@link #prepare}), redirects (never followed by either), request bodies.
 *
 * <p>The reader runs on this client's thread, and so do the returned futures' completions: a caller that needs
 * its own context (Vert.x, Hibernate Reactive) hops back to it once per batch. The thread starts with the first
 * request and ends once no request is waiting and every idle connection has been closed after its keep-alive.
 * A host name is resolved on that thread when a connection opens (rarely: connections are kept).
 */
public final class KeepAliveClient implements AutoCloseable {
    private static final long SWEEP_NANOS = 50_000_000L;

    private final String name;
    private final HttpSettings settings;
    private final ConcurrentLinkedQueue<Exchange<?>> submitted = new ConcurrentLinkedQueue<>();
    private final Map<String, Host> hosts = new HashMap<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private final Object lifecycle = new Object();
    private Selector selector;
    private Thread thread;
    private boolean closed;

    /** A client whose thread is named after {@code name}, opening up to {@code connectionsPerHost} per host. */
    public KeepAliveClient(String name, HttpSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    /** A GET of an {@code http} URI with these headers, encoded once; shareable between threads. */
    public Prepared prepare(URI uri, Map<String, String> headers) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") || uri.getHost() == null) {
            throw new IllegalArgumentException("not a plain http URI with a host: " + uri);
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        StringBuilder request = new StringBuilder(256).append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(uri.getPort() < 0 ? "" : ":" + port).append("\r\n");
        boolean agent = false;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().indexOf('\r') >= 0 || h.getKey().indexOf('\n') >= 0 || h.getValue().indexOf('\r') >= 0
                    || h.getValue().indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + h.getKey() + " holds a line break");
            }
            agent |= h.getKey().equalsIgnoreCase("user-agent");
            if (!h.getKey().equalsIgnoreCase("host")) {
                request.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
        }
        if (!agent) {
            request.append("User-Agent: Forewarn\r\n");
        }
        request.append("\r\n");
        return new Prepared(uri, uri.getHost(), port, request.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * GETs {@code get} and completes with what {@code reader} makes of its 2xx body; fails with a
     * {@link FetchException} ({@code TIMEOUT}, {@code HTTP_STATUS}, {@code TOO_LARGE}, {@code CONNECT},
     * {@code IO}) or with the reader's own exception, as {@link HttpFetcher#read} does.
     */
    public <T> CompletableFuture<T> read(Prepared get, Duration timeout, int maxBytes, BodyReader<T> reader) {
        HttpFetcher.checkLimits(timeout, maxBytes);
        Exchange<T> exchange = new Exchange<>(get, System.nanoTime() + timeout.toNanos(), timeout, maxBytes, reader);
        if (Thread.currentThread() == thread) {
            // From a completion on this thread (the next probe of a cycle): no queue, no wake-up.
            dispatch(exchange);
            return exchange.result;
        }
        synchronized (lifecycle) {
            if (closed) {
                exchange.result.completeExceptionally(FetchException.of(FetchException.Kind.IO, exchange.target(),
                        "client closed", null));
                return exchange.result;
            }
            submitted.add(exchange);
            if (thread == null) {
                try {
                    selector = Selector.open();
                } catch (IOException e) {
                    submitted.remove(exchange);
                    exchange.result.completeExceptionally(FetchException.of(FetchException.Kind.IO,
                            exchange.target(), "cannot open a selector: " + e, e));
                    return exchange.result;
                }
                thread = new Thread(this::run, "forewarn-http-" + name);
                thread.setDaemon(true);
                thread.start();
            } else {
                selector.wakeup();
            }
        }
        return exchange.result;
    }

    /** Fails what is waiting or in flight, closes every connection and stops the thread. */
    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            closed = true;
            running = thread;
            if (selector != null) {
                selector.wakeup();
            }
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A GET encoded once: where it goes and its bytes. */
    public static final class Prepared {
        private final URI uri;
        private final String host;
        private final int port;
        private final String hostKey;
        private final byte[] bytes;

        private Prepared(URI uri, String host, int port, byte[] bytes) {
            this.uri = uri;
            this.host = host;
            this.port = port;
            this.hostKey = host + ":" + port;
            this.bytes = bytes;
        }

        public URI uri() {
            return uri;
        }
    }

    private void run() {
        long nextSweep = System.nanoTime() + SWEEP_NANOS;
        try {
            while (true) {
                Exchange<?> next;
                while ((next = submitted.poll()) != null) {
                    dispatch(next);
                }
                // Ready keys are handed over one by one: no selected-key set to fill, iterate and clear.
                selector.select(key -> {
                    if (key.isValid()) {
                        ((Connection) key.attachment()).ready(key.readyOps());
                    }
                }, SWEEP_NANOS / 1_000_000);
                // Deadlines and idle connections are looked at every 50 ms, not at every answer.
                long now = System.nanoTime();
                if (now - nextSweep < 0) {
                    continue;
                }
                nextSweep = now + SWEEP_NANOS;
                for (Host h : hosts.values()) {
                    h.sweep(now);
                }
                synchronized (lifecycle) {
                    if (closed) {
                        shutDown();
                        return;
                    }
                    if (submitted.isEmpty() && allEmpty()) {
                        // Nothing to do and no connection worth keeping: a later request starts a new thread.
                        hosts.clear();
                        selector.close();
                        selector = null;
                        thread = null;
                        return;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A selector that fails is beyond repair: fail everything so no caller waits for ever.
            synchronized (lifecycle) {
                shutDown();
                thread = null;
                selector = null;
                closed = false;
            }
        }
    }

    private boolean allEmpty() {
        for (Host h : hosts.values()) {
            if (!h.empty()) {
                return false;
            }
        }
        return true;
    }

    private void shutDown() {
        Exchange<?> waiting;
        while ((waiting = submitted.poll()) != null) {
            waiting.fail(FetchException.of(FetchException.Kind.IO, waiting.target(), "client closed", null));
        }
        hosts.values().forEach(Host::shutDown);
        hosts.clear();
        try {
            selector.close();
        } catch (IOException ignored) {
            // Closing: nothing left to tell.
        }
    }

    private void dispatch(Exchange<?> exchange) {
        // Once per probe: a plain lookup, not computeIfAbsent with a lambda that captures this client.
        Host host = hosts.get(exchange.get.hostKey);
        if (host == null) {
            host = new Host();
            hosts.put(exchange.get.hostKey, host);
        }
        host.submit(exchange);
    }

    /** The connections to one host:port, idle or busy, and the requests waiting for one. */
    private final class Host {
        private final ArrayDeque<Connection> idle = new ArrayDeque<>();
        private final List<Connection> busy = new ArrayList<>();
        private final ArrayDeque<Exchange<?>> waiting = new ArrayDeque<>();

        void submit(Exchange<?> exchange) {
            Connection c = idle.pollLast();
            if (c != null) {
                busy.add(c);
                c.send(exchange);
            } else if (idle.size() + busy.size() < settings.connectionsPerHost()) {
                open(exchange);
            } else {
                waiting.add(exchange);
            }
        }

        private void open(Exchange<?> exchange) {
            Connection c = new Connection(this);
            busy.add(c);
            c.connect(exchange);
        }

        /** A connection is free again (or gone): the next waiting request takes its place. */
        void released(Connection c, boolean reusable) {
            busy.remove(c);
            if (reusable) {
                c.idleSince = System.nanoTime();
                idle.addLast(c);
            } else {
                c.close();
            }
            Exchange<?> next;
            while ((next = waiting.poll()) != null) {
                if (!next.result.isDone()) {
                    submit(next);
                    return;
                }
            }
        }

        void sweep(long now) {
            for (int i = busy.size() - 1; i >= 0 && i < busy.size(); i--) {
                busy.get(i).sweep(now);
            }
            waiting.removeIf(e -> {
                if (now - e.deadline >= 0) {
                    e.timedOut();
                    return true;
                }
                return false;
            });
            long keepAlive = settings.keepAlive().toNanos();
            while (!idle.isEmpty() && now - idle.peekFirst().idleSince > keepAlive) {
                idle.pollFirst().close();
            }
        }

        boolean empty() {
            return idle.isEmpty() && busy.isEmpty() && waiting.isEmpty();
        }

        void shutDown() {
            idle.forEach(Connection::close);
            for (Connection c : List.copyOf(busy)) {
                c.abandon(FetchException.Kind.IO, "client closed", null);
            }
            waiting.forEach(e -> e.fail(FetchException.of(FetchException.Kind.IO, e.target(), "client closed", null)));
            waiting.clear();
        }
    }

    /** One keep-alive connection carrying one exchange at a time. */
    private final class Connection {
        private final Host host;
        private final ResponseFramer framer = new ResponseFramer();
        private SocketChannel channel;
        private SelectionKey key;
        private Exchange<?> exchange;
        private ByteBuffer pending;
        private long connectDeadline;
        private int served;
        private long idleSince;

        Connection(Host host) {
            this.host = host;
        }

        void connect(Exchange<?> first) {
            exchange = first;
            try {
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                key = channel.register(selector, SelectionKey.OP_CONNECT, this);
                connectDeadline = System.nanoTime() + settings.connectTimeout().toNanos();
                if (channel.connect(new InetSocketAddress(first.get.host, first.get.port))) {
                    connected();
                }
            } catch (IOException | RuntimeException e) {
                abandon(FetchException.Kind.CONNECT, "cannot connect: " + e, e);
            }
        }

        void ready(int ops) {
            try {
                if ((ops & SelectionKey.OP_CONNECT) != 0) {
                    if (channel.finishConnect()) {
                        connected();
                    }
                    return;
                }
                if ((ops & SelectionKey.OP_WRITE) != 0) {
                    write();
                }
                if ((ops & SelectionKey.OP_READ) != 0) {
                    read();
                }
            } catch (ConnectException e) {
                abandon(FetchException.Kind.CONNECT, "cannot connect: " + e, e);
            } catch (IOException e) {
                if (exchange == null) {
                    // Idle, and the server sent what nobody asked for or reset it: it is not worth keeping.
                    host.idle.remove(this);
                    close();
                } else {
                    broken(e);
                }
            }
        }

        private void connected() throws IOException {
            connectDeadline = 0;
            Exchange<?> first = exchange;
            exchange = null;
            send(first);
        }

        void send(Exchange<?> next) {
            exchange = next;
            if (next.result.isDone()) {
                // Timed out while waiting for this connection.
                exchange = null;
                host.released(this, true);
                return;
            }
            framer.start(next.maxBytes);
            pending = ByteBuffer.wrap(next.get.bytes);
            try {
                write();
            } catch (IOException e) {
                broken(e);
            }
        }

        private void write() throws IOException {
            channel.write(pending);
            key.interestOps(pending.hasRemaining() ? SelectionKey.OP_WRITE | SelectionKey.OP_READ
                    : SelectionKey.OP_READ);
        }

        private void read() throws IOException {
            while (true) {
                readBuffer.clear();
                int n = channel.read(readBuffer);
                if (n < 0) {
                    if (exchange == null) {
                        // The server closed an idle connection.
                        host.idle.remove(this);
                        close();
                        return;
                    }
                    framer.closed();
                    finish();
                    return;
                }
                if (n == 0) {
                    return;
                }
                if (exchange == null) {
                    throw new IOException(n + " byte(s) nobody asked for on an idle connection");
                }
                framer.feed(readBuffer.array(), 0, n);
                Exchange<?> current = exchange;
                if (framer.overCap() && current.whole(framer.status())) {
                    abandon(FetchException.Kind.TOO_LARGE, "body is above " + current.maxBytes + " bytes", null);
                    return;
                }
                if (framer.contentLength() > current.maxBytes && current.whole(framer.status())) {
                    abandon(FetchException.Kind.TOO_LARGE, "Content-Length is above " + current.maxBytes
                            + " bytes", null);
                    return;
                }
                if (framer.done() || framer.overCap()) {
                    finish();
                    return;
                }
            }
        }

        private void finish() {
            Exchange<?> done = exchange;
            exchange = null;
            served++;
            // Read the answer before the connection is free: the next request resets the framer's array.
            done.settle(framer);
            host.released(this, framer.reusable());
            done.deliver();
        }

        /**
         * A read or write failed. A kept connection the server closed just before our request arrived is retried
         * once on a new connection (a GET is safe to repeat); any other break fails the exchange.
         */
        private void broken(IOException e) {
            Exchange<?> current = exchange;
            if (current != null && served > 0 && !framer.started() && !current.retried) {
                current.retried = true;
                exchange = null;
                host.busy.remove(this);
                close();
                host.open(current);
                return;
            }
            abandon(FetchException.Kind.IO, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }

        void sweep(long now) {
            if (connectDeadline != 0 && now - connectDeadline >= 0) {
                abandon(FetchException.Kind.CONNECT, "cannot connect: no connection within "
                        + settings.connectTimeout(), null);
            } else if (exchange != null && now - exchange.deadline >= 0) {
                Exchange<?> late = exchange;
                exchange = null;
                late.timedOut();
                host.released(this, false);
            }
        }

        /** Fails the exchange in flight and drops the connection rather than reuse it half read. */
        void abandon(FetchException.Kind kind, String problem, Throwable cause) {
            Exchange<?> current = exchange;
            exchange = null;
            connectDeadline = 0;
            if (current != null) {
                current.fail(FetchException.of(kind, current.target(), problem, cause));
            }
            host.released(this, false);
        }

        void close() {
            try {
                if (key != null) {
                    key.cancel();
                }
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException ignored) {
                // Already gone.
            }
        }
    }

    /** One GET: its deadline, its cap, and its outcome. */
    private static final class Exchange<T> {
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final Prepared get;
        private final long deadline;
        private final Duration timeout;
        private final int maxBytes;
        private final BodyReader<T> reader;
        private boolean retried;
        private T value;
        private RuntimeException failure;

        Exchange(Prepared get, long deadline, Duration timeout, int maxBytes, BodyReader<T> reader) {
            this.get = get;
            this.deadline = deadline;
            this.timeout = timeout;
            this.maxBytes = maxBytes;
            this.reader = reader;
        }

        String target() {
            return "GET " + get.uri;
        }

        /** Whether a response of this status is needed whole (a document) rather than kept as context. */
        boolean whole(int status) {
            return status >= 200 && status < 300;
        }

        /** Works out the outcome from the framed answer, while its bytes are still there. */
        void settle(ResponseFramer framer) {
            if (result.isDone()) {
                return;
            }
            int status = framer.status();
            if (status < 200 || status >= 300) {
                failure = FetchException.status(target(), status, new String(framer.body(), 0,
                        framer.bodyLength(), Bodies.charsetOf(framer.contentType())));
                return;
            }
            try {
                value = reader.read(framer.body(), 0, framer.bodyLength());
            } catch (RuntimeException unreadable) {
                failure = unreadable;
            }
        }

        /** Completes the future with the settled outcome; the caller's callbacks run now, on this thread. */
        void deliver() {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }

        void timedOut() {
            fail(FetchException.of(FetchException.Kind.TIMEOUT, target(), "no complete answer within " + timeout,
                    null));
        }

        void fail(FetchException failure) {
            result.completeExceptionally(failure);
        }
    }

    /** For tests: whether the client's thread is running. */
    boolean running() {
        synchronized (lifecycle) {
            return thread != null;
        }
    }
}
