package dev.forewarn.http;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Forewarn's outbound HTTP calls, each with a deadline on the whole exchange and a cap on the body size: probe
 * and ticket documents fetched whole ({@link #get}, {@link #read}), and requests whose reply matters whatever its
 * status, such as pages posted to a pager ({@link #send}).
 *
 * <p>Runs on the client {@link HttpClients} builds: polling 5,000 blackbox targets reuses a few connections to
 * the exporter (issue 6), and so does a burst of pages to one pager.
 */
public final class HttpFetcher {

    // Mark the String-returning get and the reply-returning send: the body is decoded by its declared charset.
    private static final BodyReader<String> TEXT = (bytes, offset, length) -> {
        throw new IllegalStateException("decoded in finish");
    };
    private static final BodyReader<HttpReply> REPLY = (bytes, offset, length) -> {
        throw new IllegalStateException("decoded in finish");
    };

    private final Vertx vertx;
    private final HttpClient client;
    // Bodies are collected into pooled arrays: a cycle of thousands of small answers reuses a handful of them.
    private final Bodies.Scratch scratch = new Bodies.Scratch();

    /** Builds one HTTP/1.1 client; redirects are not followed so a moved endpoint shows up as an error. */
    public HttpFetcher(Vertx vertx, HttpSettings settings) {
        this.vertx = vertx;
        this.client = HttpClients.create(vertx, settings);
    }

    /** The {@link HttpSettings#DEFAULTS} with this connect timeout and pool size per host. */
    public HttpFetcher(Vertx vertx, Duration connectTimeout, int connectionsPerHost) {
        this(vertx, new HttpSettings(connectTimeout, connectionsPerHost, HttpSettings.DEFAULTS.keepAlive()));
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
        return exchange(prepare(uri, headers), null, timeout, maxBytes, TEXT);
    }

    /**
     * Sends {@code method} to {@code uri} with {@code headers} and {@code body} (null: none) and completes with
     * the reply whatever its status; a reply body longer than {@code maxBytes} is cut and marked truncated.
     * Fails with a {@link FetchException} {@code TIMEOUT}, {@code CONNECT} or {@code IO} as {@link #get} does.
     *
     * @throws IllegalArgumentException for a non-HTTP URI, an unknown method or a non-positive timeout or size
     */
    public CompletableFuture<HttpReply> send(String method, URI uri, Map<String, String> headers, byte[] body,
            Duration timeout, int maxBytes) {
        PreparedGet request = prepare(HttpMethod.valueOf(method), uri, headers);
        return exchange(request, body == null ? null : Buffer.buffer(body), timeout, maxBytes, REPLY);
    }

    /**
     * A GET of {@code uri} with {@code headers}, checked and encoded once, for a caller that fetches the same
     * address every cycle.
     *
     * @throws IllegalArgumentException for a non-HTTP URI
     */
    public PreparedGet prepare(URI uri, Map<String, String> headers) {
        return prepare(HttpMethod.GET, uri, headers);
    }

    private static PreparedGet prepare(HttpMethod method, URI uri, Map<String, String> headers) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an HTTP URI: " + uri);
        }
        RequestOptions request = new RequestOptions().setMethod(method).setAbsoluteURI(uri.toString())
                .setFollowRedirects(false);
        headers.forEach(request::putHeader);
        return new PreparedGet(method.name(), uri, request);
    }

    /**
     * Like {@link #get}, but hands a 2xx body to {@code reader} as bytes (never decoded to a String) and
     * completes with what it returns; a reader's exception fails the future with that exception.
     */
    public <T> CompletableFuture<T> read(PreparedGet get, Duration timeout, int maxBytes, BodyReader<T> reader) {
        return exchange(get, null, timeout, maxBytes, reader);
    }

    private <T> CompletableFuture<T> exchange(PreparedGet get, Buffer body, Duration timeout, int maxBytes,
            BodyReader<T> reader) {
        checkLimits(timeout, maxBytes);
        Context context = vertx.getOrCreateContext();
        Exchange<T> exchange = new Exchange<>(context, get.method + " " + get.uri, maxBytes, reader);
        // Timer, request and response callbacks all run on one context, so the exchange needs no locking.
        if (Vertx.currentContext() == context) {
            exchange.start(get.options, body, timeout);
        } else {
            context.runOnContext(ignored -> exchange.start(get.options, body, timeout));
        }
        return exchange.result;
    }

    /** Refuses a deadline or a body cap that no exchange could meet (this fetcher's and {@link KeepAliveClient}'s). */
    static void checkLimits(Duration timeout, int maxBytes) {
        if (timeout.isNegative() || timeout.isZero() || maxBytes <= 0) {
            throw new IllegalArgumentException("timeout and maxBytes must be positive");
        }
    }

    /** A GET checked and encoded once by {@link #prepare}; immutable, shared by every fetch of its address. */
    public static final class PreparedGet {
        private final String method;
        private final URI uri;
        private final RequestOptions options;

        private PreparedGet(String method, URI uri, RequestOptions options) {
            this.method = method;
            this.uri = uri;
            this.options = options;
        }

        public URI uri() {
            return uri;
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
        private final String target;
        private final int maxBytes;
        private final BodyReader<T> reader;
        private HttpClientRequest request;
        private byte[] body;
        private int length;
        private int status;
        private Charset charset;
        private boolean truncated;
        private final Map<String, String> headers = new java.util.HashMap<>();

        Exchange(Context context, String target, int maxBytes, BodyReader<T> reader) {
            this.context = context;
            this.target = target;
            this.maxBytes = maxBytes;
            this.reader = reader;
        }

        void start(RequestOptions options, Buffer body, Duration timeout) {
            if (result.isDone()) {
                return;
            }
            long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> fail(FetchException.of(
                    FetchException.Kind.TIMEOUT, target, "no complete answer within " + timeout, null)));
            result.whenComplete((text, failure) -> {
                vertx.cancelTimer(timer);
                if (failure != null) {
                    // A timeout, a cap or a cancel: drop the connection rather than return it half read.
                    onContext(this::abort);
                }
            });
            client.request(options).onComplete(requested -> {
                if (requested.failed()) {
                    fail(FetchException.classify(target, requested.cause()));
                    return;
                }
                request = requested.result();
                if (result.isDone()) {
                    abort();
                    return;
                }
                (body == null ? request.send() : request.send(body)).onComplete(answered -> {
                    if (answered.failed()) {
                        fail(FetchException.classify(target, answered.cause()));
                    } else {
                        read(answered.result());
                    }
                });
            });
        }

        private void read(HttpClientResponse response) {
            // First, so the reset that ends an oversized answer is handled here rather than logged by Vert.x.
            response.exceptionHandler(e -> fail(FetchException.classify(target, e)));
            status = response.statusCode();
            boolean success = status >= 200 && status < 300;
            // A document is needed whole; a reply (send) or an error body is only context, kept as far as it fits.
            boolean whole = success && reader != REPLY;
            charset = Bodies.charsetOf(response.getHeader("content-type"));
            if (reader == REPLY) {
                response.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            }
            if (whole && Bodies.declaredLength(response) > maxBytes) {
                fail(FetchException.of(FetchException.Kind.TOO_LARGE, target,
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
                } else if (whole) {
                    fail(FetchException.of(FetchException.Kind.TOO_LARGE, target,
                            "body is above " + maxBytes + " bytes", null));
                } else {
                    // Keep what fits and stop reading; the connection is dropped rather than drained.
                    append(chunk, room);
                    truncated = true;
                    finish(success);
                    abort();
                }
            });
            response.endHandler(ignored -> finish(success));
        }

        private void append(Buffer chunk, int count) {
            if (body == null) {
                body = scratch.borrow(count);
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
                if (reader == REPLY) {
                    result.complete((T) new HttpReply(status, new String(bytes, 0, length, charset), truncated,
                            headers));
                } else if (!success) {
                    result.completeExceptionally(FetchException.status(target, status,
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
                    scratch.giveBack(body);
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
}
