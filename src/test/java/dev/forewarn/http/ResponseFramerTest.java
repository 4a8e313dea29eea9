package dev.forewarn.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The framing of one HTTP/1.1 answer, fed whole and split at every byte: a connection delivers the same answer in
 * whatever pieces the network makes of it.
 */
class ResponseFramerTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("Content-Length",
                        "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 13\r\n\r\n"
                                + "probe_success", 200, "probe_success", true, false),
                Arguments.of("chunked, with an extension and a trailer",
                        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nprobe\r\n8\r\n_success\r\n"
                                + "0\r\nX-Trailer: 1\r\n\r\n", 200, "probe_success", true, false),
                Arguments.of("upper-case hex chunk size",
                        "HTTP/1.1 200 OK\r\ntransfer-encoding: Chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n",
                        200, "0123456789", true, false),
                Arguments.of("Connection: close",
                        "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", 200, "ok", false,
                        false),
                Arguments.of("HTTP/1.0 without keep-alive",
                        "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", 200, "ok", false, false),
                Arguments.of("HTTP/1.0 with keep-alive",
                        "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", 200, "ok", true,
                        false),
                Arguments.of("an interim 100 Continue first",
                        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 200, "ok",
                        true, false),
                Arguments.of("204 has no body", "HTTP/1.1 204 No Content\r\n\r\n", 204, "", true, false),
                Arguments.of("an error status with its body",
                        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy", 503, "busy", true,
                        false),
                Arguments.of("bare LF line ends",
                        "HTTP/1.1 200 OK\nContent-Length: 2\n\nok", 200, "ok", true, false),
                Arguments.of("a body past the cap is cut and the connection not kept",
                        "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n" + "x".repeat(40), 200, "x".repeat(32),
                        false, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void framesTheAnswerWhateverPiecesItArrivesIn(String what, String answer, int status, String body,
                                                  boolean reusable, boolean overCap) throws IOException {
        byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
        ResponseFramer framer = new ResponseFramer();
        for (int split = 0; split <= bytes.length; split++) {
            framer.start(32);
            framer.feed(bytes, 0, split);
            if (!framer.done()) {
                framer.feed(bytes, split, bytes.length - split);
            }
            assertThat(framer.done()).as("done, split at %d", split).isTrue();
            assertThat(framer.status()).isEqualTo(status);
            assertThat(new String(framer.body(), 0, framer.bodyLength(), StandardCharsets.ISO_8859_1))
                    .as("body, split at %d", split).isEqualTo(body);
            assertThat(framer.reusable()).as("reusable").isEqualTo(reusable);
            assertThat(framer.overCap()).isEqualTo(overCap);
        }
        // One byte at a time, as a slow link would deliver it.
        framer.start(32);
        for (int i = 0; i < bytes.length && !framer.done(); i++) {
            framer.feed(bytes, i, 1);
        }
        assertThat(framer.done()).isTrue();
        assertThat(framer.bodyLength()).isEqualTo(body.length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void anAnswerCutShortByTheCloseIsAnError(String what, String answer, int status, String body,
                                             boolean reusable, boolean overCap) throws IOException {
        byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
        ResponseFramer framer = new ResponseFramer();
        framer.start(1024);
        framer.feed(bytes, 0, bytes.length - 1);
        assertThat(framer.started()).isTrue();
        assertThatThrownBy(framer::closed).isInstanceOf(IOException.class).hasMessageContaining("connection closed");
    }

    @org.junit.jupiter.api.Test
    void aBodyWithoutLengthEndsWithTheClose() throws IOException {
        byte[] bytes = "HTTP/1.1 200 OK\r\n\r\nprobe_success 1\n".getBytes(StandardCharsets.ISO_8859_1);
        ResponseFramer framer = new ResponseFramer();
        framer.start(1024);
        framer.feed(bytes, 0, bytes.length);
        assertThat(framer.done()).isFalse();
        framer.closed();
        assertThat(framer.done()).isTrue();
        assertThat(framer.bodyLength()).isEqualTo(16);
        assertThat(framer.reusable()).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aCloseBeforeAnyByteSaysSo() {
        ResponseFramer framer = new ResponseFramer();
        framer.start(1024);
        assertThat(framer.started()).isFalse();
        assertThatThrownBy(framer::closed).hasMessageContaining("before any answer");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("SSH-2.0-OpenSSH_9.2\r\n\r\n", "not an HTTP/1.x status line"),
                Arguments.of("HTTP/1.1 2x0 OK\r\n\r\n", "no status code"),
                Arguments.of("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "bad Content-Length"),
                Arguments.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok",
                        "bad Content-Length"),
                Arguments.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "unsupported Transfer-Encoding"),
                Arguments.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "bad chunk size"),
                Arguments.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokX\r\n",
                        "chunk not followed by CRLF"),
                Arguments.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA", "after the end"),
                Arguments.of("HTTP/1.1 200 OK\r\nX: " + "a".repeat(ResponseFramer.MAX_HEAD) + "\r\n\r\n",
                        "longer than"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void aMalformedAnswerIsAnErrorNamingWhatIsWrong(String answer, String problem) {
        byte[] bytes = answer.getBytes(StandardCharsets.ISO_8859_1);
        ResponseFramer framer = new ResponseFramer();
        framer.start(1024);
        assertThatThrownBy(() -> framer.feed(bytes, 0, bytes.length)).isInstanceOf(IOException.class)
                .hasMessageContaining(problem);
    }

    @org.junit.jupiter.api.Test
    void theFramerServesOneAnswerAfterAnother() throws IOException {
        ResponseFramer framer = new ResponseFramer();
        for (int i = 0; i < 3; i++) {
            String body = "answer " + i;
            byte[] bytes = ("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1);
            framer.start(1024);
            framer.feed(bytes, 0, bytes.length);
            assertThat(new String(framer.body(), 0, framer.bodyLength(), StandardCharsets.ISO_8859_1)).isEqualTo(body);
            assertThat(framer.reusable()).isTrue();
        }
    }
}
