package com.redpacket.infra;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Asks an address, in the server's own protocol, whether the server we want answers there. Raw sockets rather than
 * client libraries: a probe of an empty port must cost milliseconds, log nothing and never retry.
 */
public final class Probes {
    private static final int CONNECT_TIMEOUT_MS = 500;
    private static final int READ_TIMEOUT_MS = 2000;
    private static final short API_VERSIONS_KEY = 18;
    private static final byte[] CLIENT_ID = "redpacket-probe".getBytes(StandardCharsets.US_ASCII);

    private Probes() {
    }

    /** Redis: {@code PING} must be answered {@code +PONG}; one that wants a password is not ours to use. */
    public static Presence redis(HostPort at) {
        try (Socket socket = connect(at)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return redisReply(readLine(socket.getInputStream()));
        } catch (IOException e) {
            return unreachable(at, e);
        }
    }

    /** Kafka: an ApiVersions request (v0, which every broker answers) must come back with our correlation id. */
    public static Presence kafka(HostPort at) {
        int correlationId = (int) (System.nanoTime() & 0x7fffffff);
        try (Socket socket = connect(at)) {
            OutputStream out = socket.getOutputStream();
            out.write(apiVersionsRequest(correlationId));
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int size = in.readInt();
            if (size < 6 || size > 1 << 20) {
                return Presence.foreign("answered with a frame of " + size + " bytes, not a Kafka response");
            }
            byte[] body = new byte[size];
            in.readFully(body);
            return kafkaReply(ByteBuffer.wrap(body), correlationId);
        } catch (EOFException e) {
            return Presence.foreign("closed the connection without a Kafka response");
        } catch (IOException e) {
            return unreachable(at, e);
        }
    }

    /** Whether anything accepts a TCP connection at the address. */
    public static boolean listening(HostPort at) {
        try (Socket ignored = connect(at)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Presence redisReply(String line) {
        if (line.startsWith("+PONG")) {
            return Presence.answers("PONG");
        }
        if (line.startsWith("-NOAUTH")) {
            return Presence.foreign("is a Redis that requires a password");
        }
        return Presence.foreign("answered PING with '" + line + "', not a usable Redis");
    }

    static byte[] apiVersionsRequest(int correlationId) {
        ByteBuffer request = ByteBuffer.allocate(4 + 2 + 2 + 4 + 2 + CLIENT_ID.length);
        request.putInt(request.capacity() - 4)
                .putShort(API_VERSIONS_KEY)
                .putShort((short) 0)
                .putInt(correlationId)
                .putShort((short) CLIENT_ID.length)
                .put(CLIENT_ID);
        return request.array();
    }

    static Presence kafkaReply(ByteBuffer body, int correlationId) {
        if (body.remaining() < 6) {
            return Presence.foreign("answered with a truncated frame, not a Kafka response");
        }
        int answeredId = body.getInt();
        if (answeredId != correlationId) {
            return Presence.foreign("answered correlation id " + answeredId + " to request " + correlationId);
        }
        short error = body.getShort();
        return Presence.answers(error == 0 ? "ApiVersions answered" : "ApiVersions answered with error " + error);
    }

    private static Socket connect(HostPort at) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(at.host(), at.port()), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static Presence unreachable(HostPort at, IOException e) {
        return listening(at) ? Presence.foreign("accepts connections but does not answer: " + e)
                : Presence.absent("nothing listens at " + at);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r' && c != '\n' && line.length() < 200; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
