package com.redpacket.e2e.faults;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.payment.Emulator;
import com.redpacket.e2e.support.Groups;
import com.redpacket.e2e.support.TestGroup;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import com.redpacket.e2e.support.Wallets;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * The mixed workload of a fault run, through the gateway as the app and WeChat Pay would make it: sends paid from
 * the wallet and through WeChat Pay (every type), the app's client-paid callback, grabs by the audience, top-ups,
 * reads. Like the app, it retries a call that failed with a 5xx, a 429 or no answer, with the same Idempotency-Key.
 * Every payment is paid at the emulator, its notification late, twice or more, and spread so that notifications
 * overtake each other; some arrive after their packet expired. What it saw is kept for the oracle: every packet and
 * top-up answered, every GRABBED, every payment made.
 */
final class Workload {
    private static final long START_BALANCE = 50_000;
    private static final List<String> TYPES = List.of("SINGLE", "GROUP_LUCKY", "GROUP_EQUAL", "EXCLUSIVE");
    private static final List<String> WECHAT_CHANNELS = List.of("NATIVE", "APP", "JSAPI");
    private static final int APP_RETRIES = 6;

    /** A packet the send answered: who may open it, and its WeChat Pay order if it has one. */
    record Sent(String id, long senderId, String type, String payChannel, long total, List<Long> audience,
                String outTradeNo, Instant at) {
    }

    /** A share the system answered GRABBED (or ALREADY_GRABBED with the amount) to this user. */
    record Grabbed(String packetId, long userId, int seq, long amount) {
    }

    /** A payment made at WeChat Pay (the emulator), with how its notification was to travel. */
    record Payment(String outTradeNo, String purpose, long delayMs, long spreadMs, int duplicates, Instant paidAt,
                   String transactionId) {
    }

    final Tally tally = new Tally();
    final Map<String, Sent> packets = new ConcurrentHashMap<>();
    final Queue<Grabbed> grabs = new ConcurrentLinkedQueue<>();
    final Map<String, Payment> payments = new ConcurrentHashMap<>();
    final Map<String, String> topups = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();

    private final Api gateway = Api.gateway();
    private final long seed;
    private final int workers;
    private final List<TestUser> users = new ArrayList<>();
    private final List<TestGroup> groups = new ArrayList<>();
    private final Map<String, Boolean> exhausted = new ConcurrentHashMap<>();
    private final Map<String, Boolean> grabbedBy = new ConcurrentHashMap<>();
    private final ScheduledExecutorService payer = Executors.newScheduledThreadPool(2);
    private volatile Duration ttl = Duration.ofSeconds(30);
    private volatile boolean running;
    private ExecutorService pool;

    Workload(long seed, int users, int workers) {
        this.seed = seed;
        this.workers = workers;
        for (int i = 0; i < users; i++) {
            this.users.add(Users.register("压测" + i));
        }
        // overlapping groups of half the users, each user in two of them
        int size = Math.max(3, users / 2);
        for (int from = 0; from < users; from += size / 2) {
            List<TestUser> members = new ArrayList<>();
            for (int i = 1; i < size; i++) {
                members.add(this.users.get((from + i) % users));
            }
            groups.add(Groups.create(this.users.get(from), members.toArray(TestUser[]::new)));
        }
        for (TestUser user : this.users) {
            Api.Answer created = gateway.post("/api/wallet/topups", user.token(),
                    Map.of("amount", START_BALANCE, "channel", "NATIVE"));
            String outTradeNo = created.json().get("outTradeNo").asString();
            JsonNode trade = Emulator.pay(outTradeNo, "");
            payments.put(outTradeNo, new Payment(outTradeNo, "TOPUP", 0, 0, 1, Instant.now(),
                    trade.get("transactionId").asString()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> this.users.stream()
                .allMatch(u -> Wallets.balance(u) == START_BALANCE));
    }

    List<Long> userIds() {
        return users.stream().map(u -> Long.parseLong(u.id())).toList();
    }

    TestUser user(long id) {
        return users.stream().filter(u -> u.id().equals(Long.toString(id))).findFirst().orElseThrow();
    }

    Duration ttl() {
        return ttl;
    }

    void start() {
        running = true;
        pool = Executors.newVirtualThreadPerTaskExecutor();
        for (int w = 0; w < workers; w++) {
            SplittableRandom random = new SplittableRandom(seed + w);
            pool.submit(() -> {
                while (running) {
                    act(random);
                    pause(random.nextLong(100, 300));
                }
            });
        }
    }

    /** Stops starting new actions; the ones under way finish their retries. Then the last payments are made. */
    void stop() throws InterruptedException {
        running = false;
        pool.shutdown();
        pool.awaitTermination(3, TimeUnit.MINUTES);
        payer.shutdown();
        payer.awaitTermination(2, TimeUnit.MINUTES);
    }

    private void act(SplittableRandom random) {
        try {
            int dice = random.nextInt(100);
            if (dice < 45) {
                grab(random);
            } else if (dice < 63) {
                send(random, "BALANCE");
            } else if (dice < 75) {
                send(random, "WECHAT");
            } else if (dice < 85) {
                topUp(random);
            } else {
                read(random);
            }
        } catch (RuntimeException e) {
            tally.count("workload", "error " + e.getClass().getSimpleName());
        }
    }

    private void send(SplittableRandom random, String payChannel) {
        TestGroup group = groups.get(random.nextInt(groups.size()));
        List<Long> members = group.memberIds().stream().map(Long::parseLong).toList();
        long senderId = members.get(random.nextInt(members.size()));
        TestUser sender = user(senderId);
        String type = TYPES.get(random.nextInt(TYPES.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("payChannel", payChannel);
        body.put("greeting", "故障演练 " + random.nextInt(1000));
        List<Long> others = members.stream().filter(m -> m != senderId).toList();
        List<Long> audience;
        switch (type) {
            case "SINGLE", "EXCLUSIVE" -> {
                long receiver = others.get(random.nextInt(others.size()));
                body.put("receiverId", Long.toString(receiver));
                body.put("totalAmount", random.nextLong(10, 2_000));
                if (type.equals("EXCLUSIVE")) {
                    body.put("groupId", group.id());
                }
                audience = List.of(receiver);
            }
            case "GROUP_LUCKY" -> {
                int count = random.nextInt(1, Math.min(6, members.size()) + 1);
                body.put("groupId", group.id());
                body.put("count", count);
                body.put("totalAmount", random.nextLong(count, count * 400L));
                audience = members;
            }
            default -> {
                int count = random.nextInt(1, Math.min(6, members.size()) + 1);
                body.put("groupId", group.id());
                body.put("count", count);
                body.put("amountEach", random.nextLong(10, 300));
                audience = members;
            }
        }
        if (payChannel.equals("WECHAT")) {
            String channel = WECHAT_CHANNELS.get(random.nextInt(WECHAT_CHANNELS.size()));
            body.put("wechatChannel", channel);
            body.put("payerOpenId", "o-faults-" + senderId);
        }
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Api.Answer sent = call("send-" + payChannel.toLowerCase(), random,
                () -> gateway.post("/api/packets", sender.token(), body, key));
        if (sent == null || sent.status() != 201) {
            return;
        }
        JsonNode packet = sent.json();
        String id = packet.get("id").asString();
        ttl = Duration.between(Instant.parse(packet.get("createdAt").asString()),
                Instant.parse(packet.get("expiresAt").asString()));
        String outTradeNo = packet.has("payment") ? packet.get("payment").get("outTradeNo").asString() : null;
        packets.put(id, new Sent(id, senderId, type, payChannel, packet.get("totalAmount").asLong(), audience,
                outTradeNo, Instant.now()));
        if (outTradeNo != null) {
            if (random.nextInt(10) < 6) {
                call("client-paid", random, () -> gateway.post("/api/packets/" + id + "/client-paid", sender.token(), null));
            }
            payLater(random, outTradeNo, "PACKET");
        }
    }

    private void topUp(SplittableRandom random) {
        TestUser user = users.get(random.nextInt(users.size()));
        String channel = WECHAT_CHANNELS.get(random.nextInt(WECHAT_CHANNELS.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", random.nextLong(500, 5_000));
        body.put("channel", channel);
        body.put("payerOpenId", "o-faults-" + user.id());
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Api.Answer created = call("topup", random, () -> gateway.post("/api/wallet/topups", user.token(), body, key));
        if (created != null && created.status() == 201) {
            String outTradeNo = created.json().get("outTradeNo").asString();
            topups.put(outTradeNo, user.id());
            payLater(random, outTradeNo, "TOPUP");
        }
    }

    private void grab(SplittableRandom random) {
        Instant fresh = Instant.now().minus(ttl.plusSeconds(5));
        List<Sent> open = packets.values().stream()
                .filter(p -> p.at().isAfter(fresh) && !exhausted.containsKey(p.id())).toList();
        if (open.isEmpty()) {
            return;
        }
        Sent packet = open.get(random.nextInt(open.size()));
        List<Long> candidates = packet.audience().stream()
                .filter(u -> !grabbedBy.containsKey(packet.id() + ":" + u)).toList();
        if (candidates.isEmpty()) {
            exhausted.put(packet.id(), true);
            return;
        }
        long userId = candidates.get(random.nextInt(candidates.size()));
        TestUser user = user(userId);
        Api.Answer answer = call("grab", random,
                () -> gateway.post("/api/packets/" + packet.id() + "/grab", user.token(), null));
        if (answer == null || answer.status() != 200) {
            return;
        }
        JsonNode body = answer.json();
        switch (body.get("outcome").asString()) {
            case "GRABBED" -> {
                grabbedBy.put(packet.id() + ":" + userId, true);
                grabs.add(new Grabbed(packet.id(), userId, body.get("seq").asInt(), body.get("amount").asLong()));
            }
            case "ALREADY_GRABBED" -> {
                grabbedBy.put(packet.id() + ":" + userId, true);
                grabs.add(new Grabbed(packet.id(), userId, 0, body.get("amount").asLong()));
            }
            case "SOLD_OUT", "EXPIRED" -> exhausted.put(packet.id(), true);
            default -> {
                // NOT_PAYABLE_YET: someone tries again later
            }
        }
    }

    private void read(SplittableRandom random) {
        TestUser user = users.get(random.nextInt(users.size()));
        List<String> paths = new ArrayList<>(List.of("/api/wallet", "/api/wallet/entries?limit=5",
                "/api/packets/sent?limit=5", "/api/packets/received?limit=5"));
        packets.keySet().stream().findAny().ifPresent(id -> paths.add("/api/packets/" + id));
        String path = paths.get(random.nextInt(paths.size()));
        Api.Answer answer = send("read", () -> gateway.get(path, user.token()));
        if (answer != null && answer.status() >= 500) {
            pause(random.nextLong(500, 1_500));
        }
    }

    /** The payer pays a moment later; the notification comes late, more than once, spread out, or all of these. */
    private void payLater(SplittableRandom random, String outTradeNo, String purpose) {
        int lateness = random.nextInt(10);
        long delay = lateness < 7 ? random.nextLong(0, 3_000)
                : lateness < 9 ? random.nextLong(3_000, 10_000)
                : ttl.toMillis() + random.nextLong(2_000, 10_000);
        long spread = random.nextLong(0, 5_000);
        int duplicates = random.nextInt(1, 4);
        payer.schedule(() -> {
            try {
                JsonNode trade = Emulator.pay(outTradeNo, "?delayMs=" + delay + "&spreadMs=" + spread
                        + "&duplicates=" + duplicates);
                payments.put(outTradeNo, new Payment(outTradeNo, purpose, delay, spread, duplicates, Instant.now(),
                        trade.get("transactionId").asString()));
                tally.count("pay-at-wechat", "paid");
            } catch (RuntimeException | AssertionError e) {
                tally.count("pay-at-wechat", "failed " + e.getMessage());
            }
        }, random.nextLong(0, 1_500), TimeUnit.MILLISECONDS);
    }

    /** One call the way the app makes it: again after a 5xx, a 429 or no answer, up to a few times. */
    private Api.Answer call(String kind, SplittableRandom random, Supplier<Api.Answer> request) {
        Api.Answer answer = null;
        for (int attempt = 0; attempt < APP_RETRIES; attempt++) {
            answer = send(kind, request);
            if (answer != null && answer.status() < 500 && answer.status() != 429) {
                return answer;
            }
            pause(random.nextLong(1_000, 2_500));
        }
        return answer;
    }

    private Api.Answer send(String kind, Supplier<Api.Answer> request) {
        inFlight.incrementAndGet();
        try {
            Api.Answer answer = request.get();
            tally.count(kind, Tally.outcome(answer));
            return answer;
        } catch (IllegalStateException e) {
            tally.count(kind, "io-error");
            return null;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
