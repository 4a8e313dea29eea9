package dev.forewarn.probe.http;

import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** Fetches probe source documents over HTTP with a deadline on the whole exchange and a cap on the body size. */
public final class HttpFetcher {

    private final HttpClient client;

    /** Builds the one shared HTTP/1.1 client; redirects are not followed so a moved endpoint shows up as an error. */
    public HttpFetcher(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * GETs {@code uri} and completes with its body decoded by the response charset (UTF-8 by default).
     *
     * <p>The future completes exceptionally with a {@link FetchException}: {@code TIMEOUT} when headers and
     * body together take longer than {@code timeout}, {@code HTTP_STATUS} for a status outside 2xx,
     * {@code TOO_LARGE} as soon as the body passes {@code maxBytes}, {@code CONNECT} or {@code IO} otherwise.
     * Cancelling the returned future aborts the exchange.
     *
     * @throws IllegalArgumentException for a non-HTTP URI, a non-positive timeout or size, or a header the JDK
     *                                  client does not let callers set
     */
    public CompletableFuture<String> get(URI uri, Duration timeout, int maxBytes, Map<String, String> headers) {
        if (timeout.isNegative() || timeout.isZero() || maxBytes <= 0) {
            throw new IllegalArgumentException("timeout and maxBytes must be positive");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        headers.forEach(request::header);

        CompletableFuture<HttpResponse<String>> exchange =
                client.sendAsync(request.build(), info -> subscriberFor(uri, info, maxBytes));
        CompletableFuture<String> result = new CompletableFuture<>();
        exchange.whenComplete((response, failure) -> {
            if (failure == null) {
                result.complete(response.body());
            } else {
                result.completeExceptionally(classify(uri, failure));
            }
        });
        // The request timeout only covers waiting for the headers; a trickling body needs its own deadline.
        CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
            FetchException late = FetchException.of(FetchException.Kind.TIMEOUT, uri,
                    "no complete answer within " + timeout, null);
            if (result.completeExceptionally(late)) {
                exchange.cancel(true);
            }
        });
        result.whenComplete((body, failure) -> {
            if (result.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return result;
    }

    private static HttpResponse.BodySubscriber<String> subscriberFor(URI uri, HttpResponse.ResponseInfo info,
                                                                     int maxBytes) {
        boolean success = info.statusCode() >= 200 && info.statusCode() < 300;
        long declaredLength = info.headers().firstValueAsLong("content-length").orElse(-1L);
        if (success && declaredLength > maxBytes) {
            return new CappedBody(uri, info, maxBytes, true);
        }
        return new CappedBody(uri, info, maxBytes, false);
    }

    private static FetchException classify(URI uri, Throwable failure) {
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
        // Checked before HttpTimeoutException, its superclass: a connect timeout means the node is unreachable.
        if (cause instanceof HttpConnectTimeoutException) {
            return FetchException.of(FetchException.Kind.CONNECT, uri, "connect timed out", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return FetchException.of(FetchException.Kind.TIMEOUT, uri, "no response headers in time", cause);
        }
        if (cause instanceof ConnectException || cause.getCause() instanceof ConnectException) {
            return FetchException.of(FetchException.Kind.CONNECT, uri, "cannot connect: " + cause, cause);
        }
        return FetchException.of(FetchException.Kind.IO, uri, String.valueOf(cause), cause);
    }

    /**
     * Collects at most {@code maxBytes} of a body; a 2xx body beyond that fails as TOO_LARGE, an error body is
     * truncated and attached to the HTTP_STATUS failure.
     */
    private static final class CappedBody implements HttpResponse.BodySubscriber<String> {
        private final CompletableFuture<String> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final URI uri;
        private final int status;
        private final boolean success;
        private final Charset charset;
        private final int maxBytes;
        private final boolean declaredTooLarge;
        private Flow.Subscription subscription;
        private boolean done;

        CappedBody(URI uri, HttpResponse.ResponseInfo info, int maxBytes, boolean declaredTooLarge) {
            this.uri = uri;
            this.status = info.statusCode();
            this.success = status >= 200 && status < 300;
            this.charset = charsetOf(info.headers());
            this.maxBytes = maxBytes;
            this.declaredTooLarge = declaredTooLarge;
        }

        @Override
        public CompletionStage<String> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declaredTooLarge) {
                tooLarge("Content-Length is above " + maxBytes + " bytes");
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (done) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int room = maxBytes - bytes.size();
                if (buffer.remaining() > room) {
                    if (success) {
                        tooLarge("body is above " + maxBytes + " bytes");
                    } else {
                        copy(buffer, room);
                        subscription.cancel();
                        finish();
                    }
                    return;
                }
                copy(buffer, buffer.remaining());
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable throwable) {
            done = true;
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            if (!done) {
                finish();
            }
        }

        private void finish() {
            done = true;
            String text = bytes.toString(charset);
            if (success) {
                body.complete(text);
            } else {
                body.completeExceptionally(FetchException.status(uri, status, text));
            }
        }

        private void tooLarge(String problem) {
            done = true;
            subscription.cancel();
            body.completeExceptionally(FetchException.of(FetchException.Kind.TOO_LARGE, uri, problem, null));
        }

        private void copy(ByteBuffer buffer, int count) {
            byte[] chunk = new byte[count];
            buffer.get(chunk);
            bytes.write(chunk, 0, count);
        }

        private static Charset charsetOf(HttpHeaders headers) {
            String contentType = headers.firstValue("content-type").orElse("");
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
}
