package dev.forewarn.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counting SMTP sink for the benchmarks: accepts every message, keeps nothing but counts — messages, distinct
 * {@code X-Forewarn-Notice} ids (so a duplicate shows as messages &gt; distinct) and the first and last acceptance
 * times.
 *
 * <p>It exists because the sink must not be the bottleneck: GreenMail answers each SMTP command ~44 ms late on
 * loopback (its replies meet the client's delayed ACK), which caps any client at ~5 messages per second per
 * connection and measured the sink, not Forewarn. Here every reply is one write on a {@code TCP_NODELAY} socket.
 * Plain SMTP only (no STARTTLS, no AUTH), 127.0.0.1 only.
 */
final class SmtpSink implements AutoCloseable {
    private static final byte[] CRLF = {'\r', '\n'};

    private final ServerSocket server;
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-sink");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger messages = new AtomicInteger();
    private final Set<String> notices = ConcurrentHashMap.newKeySet();
    private final AtomicLong firstAt = new AtomicLong();
    private final AtomicLong lastAt = new AtomicLong();

    SmtpSink(int port) throws IOException {
        server = new ServerSocket(port, 256, InetAddress.getByName("127.0.0.1"));
        Thread acceptor = new Thread(this::accept, "smtp-sink-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    int messages() {
        return messages.get();
    }

    /** The counts as JSON members, for the simulator's {@code /stats}. */
    String statsJson() {
        return String.format(Locale.ROOT, "\"mails\":%d,\"distinctNotices\":%d,\"firstMailAtMs\":%d,\"lastMailAtMs\":%d",
                messages.get(), notices.size(), firstAt.get(), lastAt.get());
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.execute(() -> session(socket));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("smtp sink: accept failed: " + e.getMessage());
                }
            }
        }
    }

    private void session(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                     StandardCharsets.ISO_8859_1));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 forewarn-bench-sink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-forewarn-bench-sink\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO" -> reply(out, "250 forewarn-bench-sink");
                    case "DATA" -> {
                        reply(out, "354 end with <CRLF>.<CRLF>");
                        String notice = null;
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            if (notice == null && data.regionMatches(true, 0, "X-Forewarn-Notice:", 0, 18)) {
                                notice = data.substring(18).trim();
                            }
                        }
                        accepted(notice);
                        reply(out, "250 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 ok"); // MAIL, RCPT, RSET, NOOP
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to count.
        }
    }

    private void accepted(String notice) {
        long now = System.currentTimeMillis();
        firstAt.compareAndSet(0, now);
        lastAt.accumulateAndGet(now, Math::max);
        if (notice != null) {
            notices.add(notice);
        }
        messages.incrementAndGet();
    }

    private static void reply(OutputStream out, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[body.length + 2];
        System.arraycopy(body, 0, all, 0, body.length);
        System.arraycopy(CRLF, 0, all, body.length, 2);
        out.write(all);
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
        connections.shutdownNow();
    }
}
