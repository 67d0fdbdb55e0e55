package com.redpacket.grab;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.internal.ClaimRequest;
import com.redpacket.contracts.internal.ClaimResult;
import com.redpacket.contracts.internal.ClaimResult.Outcome;
import com.redpacket.contracts.internal.GroupMembers;
import com.redpacket.contracts.internal.PacketLiveState;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * In-test stand-ins for grab-service's peers on their real internal paths, served by a JDK HTTP server of their own. The packet-service one keeps packets in
 * memory and answers claims with the conditional-update semantics of the real one (a share is taken once, a user
 * holds at most one share, refunded shares are refused): the real one is exercised by the e2e tests.
 */
public final class PacketServiceStandIn {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private int port;
    public final Map<Long, Fake> packets = new ConcurrentHashMap<>();
    public final Map<Long, List<Long>> groups = new ConcurrentHashMap<>();
    public final AtomicInteger claimCalls = new AtomicInteger();
    public final AtomicInteger liveStateCalls = new AtomicInteger();
    public final AtomicInteger memberCalls = new AtomicInteger();
    /** the next n claims fail with 503 before touching anything */
    public final AtomicInteger failNextClaims = new AtomicInteger();
    /** the next n claims take effect, then answer too late (the caller times out) */
    public final AtomicInteger slowNextClaims = new AtomicInteger();

    /** A packet as packet-service holds it. */
    public static final class Fake {
        final long id;
        final Long groupId;
        final Long receiverId;
        volatile Instant expiresAt;
        volatile int payStatus = 1;
        volatile String status = "ACTIVE";
        final long[] amounts;
        final Long[] receivers;
        final boolean[] refunded;

        public Fake(long id, Long groupId, Long receiverId, Instant expiresAt, long[] amounts) {
            this.id = id;
            this.groupId = groupId;
            this.receiverId = receiverId;
            this.expiresAt = expiresAt;
            this.amounts = amounts;
            this.receivers = new Long[amounts.length];
            this.refunded = new boolean[amounts.length];
        }

        public synchronized Long receiverOf(int seq) {
            return receivers[seq - 1];
        }

        synchronized ClaimResult claim(int seq, long user) {
            if (status.equals("CANCELLED") || payStatus == 0) {
                return new ClaimResult(Outcome.NOT_CLAIMABLE, seq, 0);
            }
            Long holder = receivers[seq - 1];
            if (holder != null && holder == user) {
                return new ClaimResult(Outcome.CLAIMED, seq, amounts[seq - 1]);
            }
            for (int i = 0; i < receivers.length; i++) {
                if (receivers[i] != null && receivers[i] == user) {
                    return new ClaimResult(Outcome.ALREADY_CLAIMED, i + 1, amounts[i]);
                }
            }
            if (holder != null) {
                return new ClaimResult(Outcome.SEQ_TAKEN, seq, 0);
            }
            if (refunded[seq - 1]) {
                return new ClaimResult(Outcome.SEQ_REFUNDED, seq, 0);
            }
            receivers[seq - 1] = user;
            return new ClaimResult(Outcome.CLAIMED, seq, amounts[seq - 1]);
        }

        public synchronized PacketLiveState liveState() {
            List<Integer> free = new ArrayList<>();
            List<PacketLiveState.Claim> claims = new ArrayList<>();
            for (int i = 0; i < amounts.length; i++) {
                if (receivers[i] != null) {
                    claims.add(new PacketLiveState.Claim(receivers[i], i + 1, amounts[i]));
                } else if (!refunded[i]) {
                    free.add(i + 1);
                }
            }
            return new PacketLiveState(id, 1, status, payStatus, groupId, receiverId, expiresAt, amounts.length, free,
                    claims);
        }

        public synchronized long claimedTotal() {
            long sum = 0;
            for (int i = 0; i < amounts.length; i++) {
                sum += receivers[i] == null ? 0 : amounts[i];
            }
            return sum;
        }
    }

    /** Starts the stand-in's own HTTP server, apart from grab-service's Tomcat as the real peers are. */
    public static PacketServiceStandIn start() {
        try {
            PacketServiceStandIn standIn = new PacketServiceStandIn();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.createContext("/internal/", standIn::handle);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.start();
            standIn.port = server.getAddress().getPort();
            return standIn;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] path = exchange.getRequestURI().getPath().split("/");
            long id = Long.parseLong(path[3]);
            Object answer;
            try {
                answer = switch (path[2] + "/" + path[4]) {
                    case "packets/claims" -> claim(id, JSON.readValue(exchange.getRequestBody(), ClaimRequest.class));
                    case "packets/live-state" -> liveState(id);
                    case "groups/members" -> members(id);
                    default -> throw new IllegalArgumentException(exchange.getRequestURI().toString());
                };
            } catch (Problem p) {
                reply(exchange, p.status, Map.of("code", p.code.name(), "detail", p.getMessage()));
                return;
            }
            reply(exchange, 200, answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    ClaimResult claim(long id, ClaimRequest r) throws InterruptedException {
        claimCalls.incrementAndGet();
        if (failNextClaims.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new Problem(503, ErrorCode.UPSTREAM_UNAVAILABLE, "packet database down");
        }
        ClaimResult result = fake(id).claim(r.seq(), r.userId());
        if (slowNextClaims.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            Thread.sleep(3_500);
        }
        return result;
    }

    PacketLiveState liveState(long id) {
        liveStateCalls.incrementAndGet();
        return fake(id).liveState();
    }

    GroupMembers members(long id) {
        memberCalls.incrementAndGet();
        List<Long> members = groups.get(id);
        if (members == null) {
            throw new Problem(404, ErrorCode.GROUP_NOT_FOUND, "No group " + id);
        }
        return new GroupMembers(id, List.copyOf(members));
    }

    private static final class Problem extends RuntimeException {
        final int status;
        final ErrorCode code;

        Problem(int status, ErrorCode code, String detail) {
            super(detail);
            this.status = status;
            this.code = code;
        }
    }

    private Fake fake(long id) {
        Fake fake = packets.get(id);
        if (fake == null) {
            throw new Problem(404, ErrorCode.PACKET_NOT_FOUND, "No packet " + id);
        }
        return fake;
    }
}
