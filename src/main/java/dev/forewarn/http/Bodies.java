package dev.forewarn.http;

import io.vertx.core.http.HttpClientResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;

/** How {@link HttpFetcher} reads response bodies: their declared size and charset, and the arrays it collects them in. */
final class Bodies {

    private Bodies() {
    }

    /** A pool of body arrays, so a cycle of thousands of small answers reuses a handful of them. */
    static final class Scratch {
        private static final int SIZE = 8192;
        private static final int KEPT_UP_TO = 64 * 1024;
        private static final int POOL = 256;
        private final ArrayDeque<byte[]> arrays = new ArrayDeque<>();

        byte[] borrow(int atLeast) {
            synchronized (arrays) {
                byte[] pooled = arrays.pollFirst();
                if (pooled != null && pooled.length >= atLeast) {
                    return pooled;
                }
            }
            return new byte[Math.max(SIZE, atLeast)];
        }

        void giveBack(byte[] bytes) {
            if (bytes.length <= KEPT_UP_TO) {
                synchronized (arrays) {
                    if (arrays.size() < POOL) {
                        arrays.addFirst(bytes);
                    }
                }
            }
        }
    }

    static long declaredLength(HttpClientResponse response) {
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

    static Charset charsetOf(String contentType) {
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
