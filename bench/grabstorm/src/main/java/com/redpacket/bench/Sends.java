package com.redpacket.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sending packets through the gateway, as the app does (BALANCE, with an Idempotency-Key): one sender per connection,
 * so the per-user send budget (10/s) is spread over as many senders as connections.
 */
final class Sends implements HttpLoad.Workload {
    private final String hostPort;
    private final List<Setup.User> senders;
    private final byte[] body;
    final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    final Queue<String> oddAnswers = new ConcurrentLinkedQueue<>();

    Sends(String hostPort, List<Setup.User> senders, long groupId, int count, long total) {
        this.hostPort = hostPort;
        this.senders = senders;
        this.body = Api.JSON.writeValueAsBytes(Setup.sendBody(groupId, count, total));
    }

    @Override
    public HttpLoad.Call next(int connection) {
        Setup.User sender = senders.get(connection % senders.size());
        byte[] head = ("POST /api/packets HTTP/1.1\r\nHost: " + hostPort + "\r\nAuthorization: Bearer " + sender.token()
                + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + UUID.randomUUID()
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return new HttpLoad.Call(request, connection, -1);
    }

    @Override
    public void answered(HttpLoad.Call call, int status, String answer, long latencyMicros) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status != 201 && oddAnswers.size() < 5) {
            oddAnswers.add(status + " " + answer);
        }
    }

    long sent() {
        LongAdder created = statuses.get(201);
        return created == null ? 0 : created.sum();
    }
}
