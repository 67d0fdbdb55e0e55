package com.redpacket.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Grab attempts for a storm and everything the answers said. One packet: the users take turns (a shuffled order,
 * round and round), so every user attempts again and again long after the packet is sold out. Many packets: each
 * attempt is a random user on a random packet. Through the gateway an attempt carries the user's bearer token; directly
 * at grab-service it carries the {@code X-User-Id} header the gateway would have set.
 */
final class Grabs implements HttpLoad.Workload {
    record Win(int user, int packet, long amount, int seq, Instant answeredAt) {
    }

    private final List<Long> packets;
    private final int users;
    private final byte[][] packetLines;
    private final byte[][] userLines;
    private final int[] order;
    private final AtomicLong turn = new AtomicLong();
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final Queue<Win> wins = new ConcurrentLinkedQueue<>();
    /** (packet, user) → every amount an ALREADY_GRABBED answer named */
    final Map<Long, Long> repeatAmounts = new ConcurrentHashMap<>();
    final LongAdder repeatMismatches = new LongAdder();
    final Histogram winLatencyMicros = new ConcurrentHistogram(120_000_000L, 3);
    final Queue<String> oddAnswers = new ConcurrentLinkedQueue<>();
    /** per packet: 1 once any attempt was answered SOLD_OUT */
    final AtomicIntegerArray soldOut;

    /**
     * @param userHeaders per user, the header line(s) naming the caller, each ending in CRLF
     */
    Grabs(String hostPort, List<Long> packets, List<String> userHeaders) {
        this.packets = packets;
        this.users = userHeaders.size();
        this.packetLines = packets.stream().map(p -> ("POST /api/packets/" + p + "/grab HTTP/1.1\r\nHost: " + hostPort
                + "\r\nContent-Length: 0\r\n").getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        this.userLines = userHeaders.stream().map(h -> (h + "\r\n").getBytes(StandardCharsets.US_ASCII))
                .toArray(byte[][]::new);
        List<Integer> shuffled = new ArrayList<>(java.util.stream.IntStream.range(0, users).boxed().toList());
        Collections.shuffle(shuffled);
        this.soldOut = new AtomicIntegerArray(packets.size());
        this.order = shuffled.stream().mapToInt(Integer::intValue).toArray();
    }

    static List<String> bearer(List<Setup.User> crowd) {
        return crowd.stream().map(u -> "Authorization: Bearer " + u.token()).toList();
    }

    static List<String> callerHeader(List<Setup.User> crowd) {
        return crowd.stream().map(u -> "X-User-Id: " + u.id()).toList();
    }

    @Override
    public HttpLoad.Call next(int connection) {
        int user;
        int packet;
        if (packets.size() == 1) {
            user = order[(int) (turn.getAndIncrement() % users)];
            packet = 0;
        } else {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            user = random.nextInt(users);
            packet = random.nextInt(packets.size());
        }
        byte[] head = packetLines[packet];
        byte[] who = userLines[user];
        ByteArrayOutputStream request = new ByteArrayOutputStream(head.length + who.length + 2);
        request.writeBytes(head);
        request.writeBytes(who);
        request.write('\r');
        request.write('\n');
        return new HttpLoad.Call(request.toByteArray(), user, packet);
    }

    @Override
    public void answered(HttpLoad.Call call, int status, String body, long latencyMicros) {
        if (status != 200) {
            tally("HTTP " + status);
            if (oddAnswers.size() < 5) {
                oddAnswers.add(status + " " + body);
            }
            return;
        }
        String outcome = field(body, "outcome");
        tally(outcome == null ? "unreadable" : outcome);
        if ("GRABBED".equals(outcome)) {
            wins.add(new Win(call.user(), call.packet(), Long.parseLong(field(body, "amount")),
                    Integer.parseInt(field(body, "seq")), Instant.now()));
            winLatencyMicros.recordValue(latencyMicros);
        } else if ("SOLD_OUT".equals(outcome)) {
            soldOut.lazySet(call.packet(), 1);
        } else if ("ALREADY_GRABBED".equals(outcome)) {
            long amount = Long.parseLong(field(body, "amount"));
            Long first = repeatAmounts.putIfAbsent(pair(call.packet(), call.user()), amount);
            if (first != null && first != amount) {
                repeatMismatches.increment();
            }
        }
    }

    long pair(int packet, int user) {
        return (long) packet * users + user;
    }

    long attempts() {
        return outcomes.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long count(String outcome) {
        LongAdder n = outcomes.get(outcome);
        return n == null ? 0 : n.sum();
    }

    List<Long> packets() {
        return packets;
    }

    private void tally(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    /** A string or number field of a flat JSON object: enough for the grab answer, without a parser per request. */
    static String field(String json, String name) {
        String key = "\"" + name + "\":";
        int at = json.indexOf(key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length();
        if (start < json.length() && json.charAt(start) == '"') {
            return json.substring(start + 1, json.indexOf('"', start + 1));
        }
        int end = start;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return json.substring(start, end);
    }
}
