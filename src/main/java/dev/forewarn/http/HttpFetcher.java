package dev.forewarn.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Fetches probe source documents over HTTP with a deadline on the whole exchange and a cap on the body size.
 *
 * <p>Runs on Vert.x' HTTP client (the event loops Quarkus already has) with a bounded keep-alive pool per
 * host: polling 5,000 blackbox targets reuses a few connections to the exporter instead of paying the JDK
 * client's selector thread, executor hand-offs and per-request futures (issue 6).
 */
public final class HttpFetcher {

    // Bodies are collected into pooled arrays: a cycle of thousands of small answers reuses a handful of them.
    private static final int SCRATCH_SIZE = 8192;
    private static final int SCRATCH_KEPT_UP_TO = 64 * 1024;
    private static final int SCRATCH_POOL = 256;
    // Marks the String-returning get: the body is decoded by its declared charset.
    private static final BodyReader<String> TEXT = (bytes, offset, length) -> {
        throw new IllegalStateException("decoded in finish");
    };

    private final Vertx vertx;
    private final HttpClient client;
    private final java.util.ArrayDeque<byte[]> scratch = new java.util.ArrayDeque<>();

    /**
     * Builds one HTTP/1.1 client; redirects are not followed so a moved endpoint shows up as an error.
     *
     * @param connectionsPerHost keep-alive connections kept open to one host; requests beyond that wait for a
     *                           free connection (and that wait counts against their deadline)
     */
    public HttpFetcher(Vertx vertx, Duration connectTimeout, int connectionsPerHost) {
        this.vertx = vertx;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
                        .setKeepAlive(true)
                        // Long enough to carry connections from one poll cycle to the next, closed after that.
                        .setKeepAliveTimeout(60)
                        .setTryUseCompression(false),
                new PoolOptions().setHttp1MaxSize(connectionsPerHost));
    }

    /**
     * GETs {@code uri} and completes with its body decoded by the response charset (UTF-8 by default).
     *
     * <p>The future completes exceptionally with a {@link FetchException}: {@code TIMEOUT} when headers and
     * body together take longer than {@code timeout}, {@code HTTP_STATUS} for a status outside 2xx,
     * {@code TOO_LARGE} as soon as the body passes {@code maxBytes}, {@code CONNECT} or {@code IO} otherwise.
     * Cancelling the returned future aborts the exchange. It completes on a Vert.x event loop: the caller's
     * own context when there is one.
     *
     * @throws IllegalArgumentException for a non-HTTP URI or a non-positive timeout or size
     */
    public CompletableFuture<String> get(URI uri, Duration timeout, int maxBytes, Map<String, String> headers) {
        return exchange(prepare(uri, headers), timeout, maxBytes, TEXT);
    }

    /**
     * A GET of {@code uri} with {@code headers}, checked and encoded once, for a caller that fetches the same
     * address every cycle.
     *
     * @throws IllegalArgumentException for a non-HTTP URI
     */
    public PreparedGet prepare(URI uri, Map<String, String> headers) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an HTTP URI: " + uri);
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(uri.toString())
                .setFollowRedirects(false);
        headers.forEach(request::putHeader);
        return new PreparedGet(uri, request);
    }

    /**
     * Like {@link #get}, but hands a 2xx body to {@code reader} as bytes (never decoded to a String) and
     * completes with what it returns; a reader's exception fails the future with that exception.
     */
    public <T> CompletableFuture<T> read(PreparedGet get, Duration timeout, int maxBytes, BodyReader<T> reader) {
        return exchange(get, timeout, maxBytes, reader);
    }

    private <T> CompletableFuture<T> exchange(PreparedGet get, Duration timeout, int maxBytes, BodyReader<T> reader) {
        if (timeout.isNegative() || timeout.isZero() || maxBytes <= 0) {
            throw new IllegalArgumentException("timeout and maxBytes must be positive");
        }
        Context context = vertx.getOrCreateContext();
        Exchange<T> exchange = new Exchange<>(context, get.uri, maxBytes, reader);
        // Timer, request and response callbacks all run on one context, so the exchange needs no locking.
        if (Vertx.currentContext() == context) {
            exchange.start(get.options, timeout);
        } else {
            context.runOnContext(ignored -> exchange.start(get.options, timeout));
        }
        return exchange.result;
    }

    /** A GET checked and encoded once by {@link #prepare}; immutable, shared by every fetch of its address. */
    public static final class PreparedGet {
        private final URI uri;
        private final RequestOptions options;

        private PreparedGet(URI uri, RequestOptions options) {
            this.uri = uri;
            this.options = options;
        }

        public URI uri() {
            return uri;
        }
    }

    private byte[] borrow(int atLeast) {
        synchronized (scratch) {
            byte[] pooled = scratch.pollFirst();
            if (pooled != null && pooled.length >= atLeast) {
                return pooled;
            }
        }
        return new byte[Math.max(SCRATCH_SIZE, atLeast)];
    }

    private void giveBack(byte[] bytes) {
        if (bytes.length <= SCRATCH_KEPT_UP_TO) {
            synchronized (scratch) {
                if (scratch.size() < SCRATCH_POOL) {
                    scratch.addFirst(bytes);
                }
            }
        }
    }

    /** Closes the pooled connections. */
    public void close() {
        client.close();
    }

    /** One GET: its deadline, its body collected up to the cap, and its outcome. */
    private final class Exchange<T> {
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final Context context;
        private final URI uri;
        private final int maxBytes;
        private final BodyReader<T> reader;
        private HttpClientRequest request;
        private byte[] body;
        private int length;
        private int status;
        private Charset charset;

        Exchange(Context context, URI uri, int maxBytes, BodyReader<T> reader) {
            this.context = context;
            this.uri = uri;
            this.maxBytes = maxBytes;
            this.reader = reader;
        }

        void start(RequestOptions options, Duration timeout) {
            if (result.isDone()) {
                return;
            }
            long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> fail(FetchException.of(
                    FetchException.Kind.TIMEOUT, uri, "no complete answer within " + timeout, null)));
            result.whenComplete((text, failure) -> {
                vertx.cancelTimer(timer);
                if (failure != null) {
                    // A timeout, a cap or a cancel: drop the connection rather than return it half read.
                    onContext(this::abort);
                }
            });
            client.request(options).onComplete(requested -> {
                if (requested.failed()) {
                    fail(classify(uri, requested.cause()));
                    return;
                }
                request = requested.result();
                if (result.isDone()) {
                    abort();
                    return;
                }
                request.send().onComplete(answered -> {
                    if (answered.failed()) {
                        fail(classify(uri, answered.cause()));
                    } else {
                        read(answered.result());
                    }
                });
            });
        }

        private void read(HttpClientResponse response) {
            // First, so the reset that ends an oversized answer is handled here rather than logged by Vert.x.
            response.exceptionHandler(e -> fail(classify(uri, e)));
            status = response.statusCode();
            boolean success = status >= 200 && status < 300;
            charset = charsetOf(response.getHeader("content-type"));
            if (success && declaredLength(response) > maxBytes) {
                fail(FetchException.of(FetchException.Kind.TOO_LARGE, uri,
                        "Content-Length is above " + maxBytes + " bytes", null));
                return;
            }
            response.handler(chunk -> {
                if (result.isDone()) {
                    return;
                }
                int room = maxBytes - length;
                if (chunk.length() <= room) {
                    append(chunk, chunk.length());
                } else if (success) {
                    fail(FetchException.of(FetchException.Kind.TOO_LARGE, uri,
                            "body is above " + maxBytes + " bytes", null));
                } else {
                    // An error body is only context for the failure: keep what fits and stop reading.
                    append(chunk, room);
                    finish(false);
                }
            });
            response.endHandler(ignored -> finish(success));
        }

        private void append(Buffer chunk, int count) {
            if (body == null) {
                body = borrow(count);
            } else if (body.length - length < count) {
                body = java.util.Arrays.copyOf(body, Math.min(maxBytes, Math.max(body.length * 2, length + count)));
            }
            chunk.getBytes(0, count, body, length);
            length += count;
        }

        @SuppressWarnings("unchecked")
        private void finish(boolean success) {
            if (result.isDone()) {
                return;
            }
            byte[] bytes = body == null ? new byte[0] : body;
            try {
                if (!success) {
                    result.completeExceptionally(FetchException.status(uri, status,
                            new String(bytes, 0, length, charset)));
                } else if (reader == TEXT) {
                    result.complete((T) new String(bytes, 0, length, charset));
                } else {
                    T value;
                    try {
                        value = reader.read(bytes, 0, length);
                    } catch (RuntimeException unreadable) {
                        result.completeExceptionally(unreadable);
                        return;
                    }
                    result.complete(value);
                }
            } finally {
                // Only here, on the exchange's own context and after the reader: nothing else can touch it now.
                if (body != null) {
                    giveBack(body);
                    body = null;
                }
            }
        }

        private void fail(FetchException failure) {
            result.completeExceptionally(failure);
        }

        private void abort() {
            if (request != null) {
                request.reset();
            }
        }

        private void onContext(Runnable action) {
            if (Vertx.currentContext() == context) {
                action.run();
            } else {
                context.runOnContext(ignored -> action.run());
            }
        }
    }

    private static long declaredLength(HttpClientResponse response) {
        String declared = response.getHeader("content-length");
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    static FetchException classify(URI uri, Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof FetchException fetch) {
                return fetch;
            }
        }
        if (cause instanceof CancellationException) {
            return FetchException.of(FetchException.Kind.IO, uri, "cancelled", cause);
        }
        // Netty's ConnectTimeoutException is a ConnectException: either way the node is unreachable.
        if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause.getCause() instanceof ConnectException) {
            return FetchException.of(FetchException.Kind.CONNECT, uri, "cannot connect: " + cause, cause);
        }
        return FetchException.of(FetchException.Kind.IO, uri, String.valueOf(cause), cause);
    }

    private static Charset charsetOf(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim();
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = trimmed.substring("charset=".length()).replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException unknownCharset) {
                    // An exotic or misspelt charset should not fail the probe; Prometheus formats are UTF-8.
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
