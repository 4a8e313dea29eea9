package dev.forewarn.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of the test PostgreSQL that first answers every connection the way a full server
 * does — {@code FATAL: sorry, too many clients already} (SQLSTATE 53300) after the start-up message — and, once
 * {@link #open()}ed, forwards byte for byte: PostgreSQL as a replica sees it when the server accepts it only later.
 */
public final class PgProxy implements AutoCloseable {
    private static final int SSL_REQUEST = 80877103;
    private static final int GSSENC_REQUEST = 80877104;

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pg-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean open;

    /** Listens on a free port of 127.0.0.1 in front of the test PostgreSQL (FOREWARN_DB_HOST/PORT). */
    public PgProxy() throws IOException {
        targetHost = env("FOREWARN_DB_HOST", "127.0.0.1");
        targetPort = Integer.parseInt(env("FOREWARN_DB_PORT", "5432"));
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections answered "too many clients" so far. */
    public int refused() {
        return refused.get();
    }

    /** From now on every new connection reaches PostgreSQL. */
    public void open() {
        open = true;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                threads.submit(() -> {
                    if (open) {
                        forward(client);
                    } else {
                        refuse(client);
                    }
                });
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void refuse(Socket client) {
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            while (true) {
                int length = in.readInt();
                int code = in.readInt();
                in.skipNBytes(length - 8);
                if (code != SSL_REQUEST && code != GSSENC_REQUEST) {
                    break; // the start-up message: the server refuses it
                }
                out.writeByte('N'); // no TLS, no GSS: go on in plain text, as the real server here does
                out.flush();
            }
            byte[] fields = "SFATAL\0VFATAL\0C53300\0Msorry, too many clients already\0\0"
                    .getBytes(StandardCharsets.US_ASCII);
            out.writeByte('E');
            out.writeInt(4 + fields.length);
            out.write(fields);
            out.flush();
            refused.incrementAndGet();
        } catch (IOException gone) {
            // The client hung up first: nothing to refuse.
        } finally {
            sockets.remove(client);
        }
    }

    private void forward(Socket client) {
        try {
            Socket upstream = new Socket(targetHost, targetPort);
            sockets.add(upstream);
            threads.submit(() -> pipe(client, upstream));
            pipe(upstream, client);
        } catch (IOException e) {
            close(client);
        }
    }

    private void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException closed) {
            // Either side hung up: close both.
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that was wanted.
        }
        sockets.remove(socket);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closed either way.
        }
        sockets.forEach(this::close);
        threads.shutdownNow();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
