package dev.forewarn.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A {@code PUT /api/customers/big} that announces a 3 MiB body (over the 2 MiB limit) and sends none of it, over a
 * raw socket, for the server to refuse from its headers alone. A client that writes the whole body races the
 * server closing the connection after its 413 (the write fails with a broken pipe before the answer is read),
 * which is the client's trouble, not the server's.
 */
public final class OversizedBody {
    private OversizedBody() {
    }

    /** The status line of the answer from 127.0.0.1:{@code port}; {@code apiKey} is sent as bearer unless null. */
    public static String statusLine(int port, String apiKey) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String head = "PUT /api/customers/big HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + (apiKey == null ? "" : "Authorization: Bearer " + apiKey + "\r\n")
                    + "Content-Type: application/json\r\nContent-Length: " + 3 * 1024 * 1024 + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}
