package dev.forewarn.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Frames one HTTP/1.1 response out of the bytes a connection delivers, in whatever pieces they arrive: the status,
 * the few headers a GET client needs, and the body (by {@code Content-Length}, chunked, or up to the close),
 * collected into an array this framer owns and reuses for the connection's next response.
 *
 * <p>Plain Java and single-threaded; {@link KeepAliveClient} feeds it from its selector thread. A malformed
 * response is an {@link IOException} naming what was wrong, and the connection is then not reused.
 */
final class ResponseFramer {
    /** The longest status line plus headers accepted; exporters and pagers send a few hundred bytes. */
    static final int MAX_HEAD = 16 * 1024;
    private static final int MAX_CHUNK_LINE = 1024;
    private static final int KEEP_BODY_ARRAY_UP_TO = 64 * 1024;

    private enum State { HEAD, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_CLOSE, DONE }

    // Grown up to MAX_HEAD only for a server that sends long headers: one per kept connection, up to hundreds.
    private byte[] head = new byte[1024];
    private int headLength;
    private final byte[] line = new byte[MAX_CHUNK_LINE];
    private int lineLength;
    private State state = State.DONE;
    private int maxBytes;
    private long remaining;

    private int status;
    private long contentLength;
    private boolean keepAlive;
    private String contentType;
    private byte[] body = new byte[8192];
    private int bodyLength;
    private boolean overCap;

    /** Starts a response whose body is kept up to {@code maxBytes} (more is {@link #overCap()}). */
    void start(int maxBytes) {
        this.maxBytes = maxBytes;
        state = State.HEAD;
        headLength = 0;
        lineLength = 0;
        status = 0;
        contentLength = -1;
        keepAlive = false;
        contentType = null;
        bodyLength = 0;
        overCap = false;
        if (body.length > KEEP_BODY_ARRAY_UP_TO) {
            body = new byte[8192];
        }
    }

    /**
     * Consumes {@code bytes[offset, offset + length)}. Bytes after the end of the response mean the server sent
     * what nobody asked for (no request is pipelined): that is a malformed exchange.
     */
    void feed(byte[] bytes, int offset, int length) throws IOException {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            switch (state) {
                case HEAD -> at = head(bytes, at, end);
                case BODY -> {
                    int n = (int) Math.min(remaining, end - at);
                    keep(bytes, at, n);
                    at += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.DONE;
                    }
                }
                case UNTIL_CLOSE -> {
                    keep(bytes, at, end - at);
                    at = end;
                }
                case CHUNK_SIZE -> at = chunkSize(bytes, at, end);
                case CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, end - at);
                    keep(bytes, at, n);
                    at += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = State.CHUNK_END;
                    }
                }
                case CHUNK_END -> at = chunkEnd(bytes, at, end);
                case TRAILERS -> at = trailers(bytes, at, end);
                case DONE -> throw new IOException((end - at) + " byte(s) after the end of the response");
            }
        }
    }

    /** The connection was closed by the server: that ends a body read up to the close, and is an error otherwise. */
    void closed() throws IOException {
        if (state == State.UNTIL_CLOSE) {
            state = State.DONE;
            return;
        }
        if (state != State.DONE) {
            throw new IOException("connection closed " + (state == State.HEAD && headLength == 0
                    ? "before any answer" : "in the middle of the answer"));
        }
    }

    /** Whether any byte of this response has arrived. */
    boolean started() {
        return state != State.HEAD || headLength > 0;
    }

    boolean done() {
        return state == State.DONE;
    }

    /** Whether the body went past {@code maxBytes}: only the first {@code maxBytes} are kept. */
    boolean overCap() {
        return overCap;
    }

    int status() {
        return status;
    }

    /** The declared {@code Content-Length}, or -1 (chunked, up to the close, or not declared). */
    long contentLength() {
        return contentLength;
    }

    /** Whether the connection can carry the next request once this response is done. */
    boolean reusable() {
        // A body read up to the close has already cleared keepAlive.
        return state == State.DONE && keepAlive && !overCap;
    }

    String contentType() {
        return contentType;
    }

    byte[] body() {
        return body;
    }

    int bodyLength() {
        return bodyLength;
    }

    private void keep(byte[] bytes, int at, int n) {
        int room = maxBytes - bodyLength;
        int kept = Math.min(room, n);
        if (kept < n) {
            overCap = true;
        }
        if (kept <= 0) {
            return;
        }
        if (body.length - bodyLength < kept) {
            body = Arrays.copyOf(body, Math.min(maxBytes, Math.max(body.length * 2, bodyLength + kept)));
        }
        System.arraycopy(bytes, at, body, bodyLength, kept);
        bodyLength += kept;
    }

    private int head(byte[] bytes, int at, int end) throws IOException {
        while (at < end) {
            if (headLength == head.length) {
                if (headLength == MAX_HEAD) {
                    throw new IOException("status line and headers longer than " + MAX_HEAD + " bytes");
                }
                head = Arrays.copyOf(head, Math.min(MAX_HEAD, head.length * 4));
            }
            byte b = bytes[at++];
            head[headLength++] = b;
            if (b == '\n' && endsWithBlankLine()) {
                parseHead();
                return at;
            }
        }
        return at;
    }

    private boolean endsWithBlankLine() {
        int n = headLength;
        return (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r')
                || (n >= 2 && head[n - 2] == '\n');
    }

    private void parseHead() throws IOException {
        String text = new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
        int eol = text.indexOf('\n');
        String statusLine = text.substring(0, eol).strip();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("not an HTTP/1.x status line: " + abbreviate(statusLine));
        }
        boolean http11 = statusLine.charAt(7) == '1';
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("no status code in: " + abbreviate(statusLine));
        }
        if (status < 100 || status > 599) {
            throw new IOException("status " + status + " out of range");
        }
        keepAlive = http11;
        String transferEncoding = null;
        for (int start = eol + 1; start < text.length(); ) {
            int next = text.indexOf('\n', start);
            String header = text.substring(start, next < 0 ? text.length() : next).strip();
            start = next < 0 ? text.length() : next + 1;
            int colon = header.indexOf(':');
            if (header.isEmpty() || colon <= 0) {
                continue;
            }
            String value = header.substring(colon + 1).strip();
            switch (header.substring(0, colon).strip().toLowerCase(Locale.ROOT)) {
                case "content-length" -> {
                    try {
                        long declared = Long.parseLong(value);
                        if (declared < 0 || (contentLength >= 0 && contentLength != declared)) {
                            throw new NumberFormatException();
                        }
                        contentLength = declared;
                    } catch (NumberFormatException e) {
                        throw new IOException("bad Content-Length: " + abbreviate(value));
                    }
                }
                case "transfer-encoding" -> transferEncoding = value.toLowerCase(Locale.ROOT);
                case "connection" -> {
                    String v = value.toLowerCase(Locale.ROOT);
                    if (v.contains("close")) {
                        keepAlive = false;
                    } else if (v.contains("keep-alive")) {
                        keepAlive = true;
                    }
                }
                case "content-type" -> contentType = value;
                default -> {
                }
            }
        }
        headLength = 0;
        if (status < 200) {
            // An interim answer (100 Continue, 103 Early Hints): the real one follows.
            state = State.HEAD;
            contentLength = -1;
            return;
        }
        if (status == 204 || status == 304) {
            state = State.DONE;
        } else if (transferEncoding != null && !transferEncoding.equals("identity")) {
            if (!transferEncoding.endsWith("chunked")) {
                throw new IOException("unsupported Transfer-Encoding: " + abbreviate(transferEncoding));
            }
            contentLength = -1;
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = contentLength == 0 ? State.DONE : State.BODY;
        } else {
            keepAlive = false;
            state = State.UNTIL_CLOSE;
        }
    }

    private int chunkSize(byte[] bytes, int at, int end) throws IOException {
        int eol = readLine(bytes, at, end);
        if (eol < 0) {
            return end;
        }
        long size = 0;
        int digits = 0;
        for (int i = 0; i < lineLength; i++) {
            int d = Character.digit(line[i], 16);
            if (d < 0) {
                break;
            }
            if (++digits > 15) {
                throw new IOException("chunk size too long");
            }
            size = size * 16 + d;
        }
        if (digits == 0) {
            throw new IOException("bad chunk size line: "
                    + abbreviate(new String(line, 0, lineLength, StandardCharsets.ISO_8859_1)));
        }
        lineLength = 0;
        if (size == 0) {
            state = State.TRAILERS;
        } else {
            remaining = size;
            state = State.CHUNK_DATA;
        }
        return eol;
    }

    private int chunkEnd(byte[] bytes, int at, int end) throws IOException {
        int eol = readLine(bytes, at, end);
        if (eol < 0) {
            return end;
        }
        if (lineLength != 0) {
            throw new IOException("chunk not followed by CRLF");
        }
        state = State.CHUNK_SIZE;
        return eol;
    }

    private int trailers(byte[] bytes, int at, int end) throws IOException {
        int eol = readLine(bytes, at, end);
        if (eol < 0) {
            return end;
        }
        boolean blank = lineLength == 0;
        lineLength = 0;
        if (blank) {
            state = State.DONE;
        }
        return eol;
    }

    /**
     * Collects one line (without its CR LF) into {@link #line}; returns the index after its LF, or -1 when the
     * line goes on in the next piece.
     */
    private int readLine(byte[] bytes, int at, int end) throws IOException {
        while (at < end) {
            byte b = bytes[at++];
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return at;
            }
            if (lineLength == MAX_CHUNK_LINE) {
                throw new IOException("chunk framing line longer than " + MAX_CHUNK_LINE + " bytes");
            }
            line[lineLength++] = b;
        }
        return -1;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
