package com.redpacket.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 server that answers every request at once with a fixed SOLD_OUT body, one platform thread per
 * connection: what the load generator can do when the server costs next to nothing (its own ceiling).
 */
final class NullServer implements AutoCloseable {
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 22\r\n\r\n"
            + "{\"outcome\":\"SOLD_OUT\"}").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;

    NullServer() throws IOException {
        server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon(true).name("null-server").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread.ofPlatform().daemon(true).name("null-connection").start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Requests without a body (the benchmark's grabs): a request ends at its blank line. */
    private static void serve(Socket socket) {
        byte[] buffer = new byte[16 * 1024];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int matched = 0;
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '\r') {
                        matched = matched == 2 ? 3 : 1;
                    } else {
                        matched = b == '\n' && (matched == 1 || matched == 3) ? matched + 1 : 0;
                    }
                    if (matched == 4) {
                        out.write(ANSWER);
                        matched = 0;
                    }
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
