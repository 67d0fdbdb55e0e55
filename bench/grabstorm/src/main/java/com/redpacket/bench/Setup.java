package com.redpacket.bench;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/**
 * The data the storms need, made through the public API and kept in {@code bench/out/} across runs while the
 * system's data lasts: thousands of users with tokens (bcrypt makes every registration and login cost CPU, so they
 * are made once and their tokens reused until 30 min before expiry), one group of all of them, senders with wallet
 * balance (top-ups paid at the WeChat Pay emulator), and fresh BALANCE packets for every scenario.
 */
final class Setup {
    private static final String PASSWORD = "bench-password-1";
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(30);

    record User(long id, String username, String token, Instant tokenExpires) {
    }

    private final Api gateway;
    private final Api users;
    private final Api emulator;
    private final Path out;

    Setup(Api gateway, Api users, Api emulator, Path out) {
        this.gateway = gateway;
        this.users = users;
        this.emulator = emulator;
        this.out = out;
    }

    /** {@code size} users whose tokens are valid for at least 30 more minutes. */
    List<User> crowd(int size) throws Exception {
        Path file = out.resolve("crowd.tsv");
        List<User> known = Files.exists(file) ? Files.readAllLines(file).stream().map(Setup::parse).toList() : List.of();
        List<User> crowd;
        if (known.size() >= size && loginWorks(known.getFirst())) {
            crowd = parallel(size, i -> fresh(known.get(i)));
            say("crowd: " + size + " users from " + file + " (" + crowd.stream().filter(u -> !known.contains(u)).count()
                    + " logged in again)");
        } else {
            say("crowd: registering " + size + " users (bcrypt: this takes a while once)");
            crowd = parallel(size, i -> register());
        }
        Files.createDirectories(out);
        Files.write(file, crowd.stream().map(u -> u.id() + "\t" + u.username() + "\t" + u.token() + "\t"
                + u.tokenExpires().toEpochMilli()).toList());
        return crowd;
    }

    /** One group of the whole crowd, owned by its first user; reused while it still has exactly these members. */
    long group(List<User> crowd) throws IOException {
        Path file = out.resolve("group.txt");
        User owner = crowd.getFirst();
        if (Files.exists(file)) {
            long id = Long.parseLong(Files.readString(file).trim());
            Api.Answer group = gateway.get("/api/groups/" + id, owner.token());
            if (group.status() == 200 && group.json().get("memberIds").size() == crowd.size()) {
                say("group: " + id + " (" + crowd.size() + " members) from " + file);
                return id;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "grab storm");
        body.put("memberIds", crowd.stream().skip(1).map(u -> Long.toString(u.id())).toList());
        Api.Answer created = gateway.post("/api/groups", owner.token(), body);
        created.expect(201, "a group of " + crowd.size() + " (is user-service's redpacket.groups.max-size, "
                + "REDPACKET_GROUPS_MAX_SIZE, at least that?)");
        long id = created.json().get("id").asLong();
        Files.writeString(file, id + "\n");
        say("group: created " + id + " with " + crowd.size() + " members");
        return id;
    }

    /** Tops every sender up (WeChat Pay top-up, paid at the emulator) whose balance is below {@code minimum}. */
    void fund(List<User> senders, long minimum) throws Exception {
        List<User> poor = new ArrayList<>();
        for (User u : senders) {
            if (balance(u) < minimum) {
                poor.add(u);
            }
        }
        if (poor.isEmpty()) {
            return;
        }
        say("wallets: topping up " + poor.size() + " senders to at least " + minimum + " fen");
        parallel(poor.size(), i -> {
            User u = poor.get(i);
            Api.Answer topup = gateway.call("POST", "/api/wallet/topups", u.token(),
                    Map.of("amount", 2 * minimum, "channel", "NATIVE"), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                    .expect(201, "top-up for " + u.id());
            String outTradeNo = topup.json().get("outTradeNo").asString();
            emulator.post("/emulator/transactions/" + outTradeNo + "/pay", null, null).expect(200, "pay " + outTradeNo);
            return u;
        });
        Instant deadline = Instant.now().plusSeconds(120);
        for (User u : poor) {
            while (balance(u) < minimum) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the top-up of user " + u.id() + " was not credited within 120 s");
                }
                Thread.sleep(200);
            }
        }
    }

    long balance(User u) {
        return gateway.get("/api/wallet", u.token()).expect(200, "wallet of " + u.id()).json().get("balance").asLong();
    }

    /** A lucky group packet paid from the sender's balance: armed and funded when this returns. */
    long send(User sender, long groupId, int count, long total) throws InterruptedException {
        Map<String, Object> body = sendBody(groupId, count, total);
        while (true) {
            Api.Answer sent = gateway.call("POST", "/api/packets", sender.token(), body,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            if (sent.status() == 429) {
                Thread.sleep(1000L * sent.response().headers().firstValueAsLong("Retry-After").orElse(1));
                continue;
            }
            return sent.expect(201, "send a packet").json().get("id").asLong();
        }
    }

    /** {@code n} packets sent by the senders in turn, several at once. */
    List<Long> sendMany(List<User> senders, long groupId, int n, int count, long total) throws Exception {
        return parallel(n, i -> send(senders.get(i % senders.size()), groupId, count, total));
    }

    static Map<String, Object> sendBody(long groupId, int count, long total) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "GROUP_LUCKY");
        body.put("groupId", Long.toString(groupId));
        body.put("count", count);
        body.put("totalAmount", total);
        body.put("greeting", "抢红包压测");
        body.put("payChannel", "BALANCE");
        return body;
    }

    private boolean loginWorks(User user) {
        return users.post("/api/users/login", null, Map.of("username", user.username(), "password", PASSWORD))
                .status() == 200;
    }

    private User fresh(User known) {
        return known.tokenExpires().isAfter(Instant.now().plus(TOKEN_MARGIN)) ? known : login(known.username());
    }

    private User register() {
        String username = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        users.post("/api/users/register", null, Map.of("username", username, "password", PASSWORD, "nickname", "抢红包"))
                .expect(201, "register " + username);
        return login(username);
    }

    private User login(String username) {
        JsonNode body = users.post("/api/users/login", null, Map.of("username", username, "password", PASSWORD))
                .expect(200, "login " + username).json();
        return new User(body.get("userId").asLong(), username, body.get("token").asString(),
                Instant.now().plusSeconds(body.get("expiresIn").asLong()));
    }

    private static User parse(String line) {
        String[] f = line.split("\t");
        return new User(Long.parseLong(f[0]), f[1], f[2], Instant.ofEpochMilli(Long.parseLong(f[3])));
    }

    /** {@code n} calls on 16 threads; their results in call order. */
    static <T> List<T> parallel(int n, Call<T> call) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<T>> futures = IntStream.range(0, n).mapToObj(i -> pool.submit(() -> call.apply(i))).toList();
            List<T> results = new ArrayList<>(n);
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    @FunctionalInterface
    interface Call<T> {
        T apply(int index) throws Exception;
    }

    static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
