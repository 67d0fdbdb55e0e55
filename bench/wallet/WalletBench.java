import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How settlement-service should change a wallet balance under concurrent credits and debits: one conditional UPDATE
 * ({@code balance = balance - x WHERE balance >= x}) or a row lock ({@code SELECT ... FOR UPDATE}, check, UPDATE).
 * Both run the same mixed workload (half credits, half debits, READ COMMITTED, one transaction per operation, the
 * balance read back as the ledger does) on one hot wallet and spread over 100 wallets, alternating A/B per round so
 * drift on the shared machine hits both. Each run checks its own arithmetic (final balances = start + credits - debits).
 * Run with bench/wallet/run; figures go to bench/wallet/RESULTS.md.
 */
public class WalletBench {
    static final String URL = env("BENCH_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
    static final String USER = env("BENCH_DB_USER", "root");
    static final String PASSWORD = env("BENCH_DB_PASSWORD", "");
    static final long SECONDS = Long.parseLong(env("BENCH_SECONDS", "4"));
    static final int ROUNDS = Integer.parseInt(env("BENCH_ROUNDS", "3"));

    interface Strategy {
        /** Returns false when the debit was refused (would overdraw). */
        boolean apply(Connection c, long accountId, long delta) throws SQLException;
    }

    static final Strategy CONDITIONAL = (c, id, delta) -> {
        try (PreparedStatement update = c.prepareStatement(delta < 0
                ? "UPDATE account SET balance = balance + ? WHERE id = ? AND balance >= ?"
                : "UPDATE account SET balance = balance + ? WHERE id = ?")) {
            update.setLong(1, delta);
            update.setLong(2, id);
            if (delta < 0) {
                update.setLong(3, -delta);
            }
            if (update.executeUpdate() == 0) {
                return false;
            }
        }
        readBalance(c, id, false);
        return true;
    };

    /** The same conditional update, the new balance coming back in the OK packet (LAST_INSERT_ID(expr)): one round trip. */
    static final Strategy CONDITIONAL_ONE_TRIP = (c, id, delta) -> {
        try (PreparedStatement update = c.prepareStatement(delta < 0
                ? "UPDATE account SET balance = LAST_INSERT_ID(balance + ?) WHERE id = ? AND balance >= ?"
                : "UPDATE account SET balance = LAST_INSERT_ID(balance + ?) WHERE id = ?", Statement.RETURN_GENERATED_KEYS)) {
            update.setLong(1, delta);
            update.setLong(2, id);
            if (delta < 0) {
                update.setLong(3, -delta);
            }
            if (update.executeUpdate() == 0) {
                return false;
            }
            try (ResultSet keys = update.getGeneratedKeys()) {
                if (keys.next()) {
                    keys.getLong(1);
                }
            }
        }
        return true;
    };

    static final Strategy ROW_LOCK = (c, id, delta) -> {
        long balance = readBalance(c, id, true);
        if (balance + delta < 0) {
            return false;
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE account SET balance = ? WHERE id = ?")) {
            update.setLong(1, balance + delta);
            update.setLong(2, id);
            update.executeUpdate();
        }
        return true;
    };

    static final java.util.Map<String, Strategy> STRATEGIES = new java.util.LinkedHashMap<>();

    static {
        STRATEGIES.put("conditional", CONDITIONAL);
        STRATEGIES.put("conditional-1rt", CONDITIONAL_ONE_TRIP);
        STRATEGIES.put("row-lock", ROW_LOCK);
    }

    record Result(String strategy, String scenario, int threads, double opsPerSecond, double p50Ms, double p99Ms,
                  long refused) {
    }

    public static void main(String[] args) throws Exception {
        String db = "bench_wallet_" + UUID.randomUUID().toString().substring(0, 8);
        admin("CREATE DATABASE " + db);
        try {
            List<Result> results = new ArrayList<>();
            for (String scenario : List.of("hot", "spread")) {
                for (int threads : new int[]{8, 32}) {
                    run(db, "conditional", CONDITIONAL, scenario, threads); // warm-up, not recorded
                    for (int round = 0; round < ROUNDS; round++) {
                        List<String> order = new ArrayList<>(STRATEGIES.keySet());
                        java.util.Collections.rotate(order, round);
                        for (String name : order) {
                            results.add(run(db, name, STRATEGIES.get(name), scenario, threads));
                        }
                    }
                }
            }
            write(results);
        } finally {
            admin("DROP DATABASE " + db);
        }
    }

    static Result run(String db, String name, Strategy strategy, String scenario, int threads) throws Exception {
        int wallets = scenario.equals("hot") ? 1 : 100;
        long start = 1_000_000;
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS account");
            s.execute("""
                    CREATE TABLE account (id BIGINT NOT NULL PRIMARY KEY, balance BIGINT NOT NULL,
                                          CONSTRAINT ck_not_overdrawn CHECK (balance >= 0)) ENGINE = InnoDB""");
            for (int i = 1; i <= wallets; i++) {
                s.execute("INSERT INTO account VALUES (" + i + ", " + start + ")");
            }
        }
        AtomicLong net = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L + 200_000_000L;
        for (int t = 0; t < threads; t++) {
            int me = t;
            workers.add(Thread.ofPlatform().start(() -> {
                long[] mine = new long[1 << 20];
                int n = 0;
                try (Connection c = connect(db)) {
                    c.setAutoCommit(false);
                    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    ready.countDown();
                    go.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline && n < mine.length) {
                        long id = 1 + random.nextInt(wallets);
                        long amount = 1 + random.nextInt(100);
                        long delta = random.nextBoolean() ? amount : -amount;
                        long t0 = System.nanoTime();
                        boolean done = strategy.apply(c, id, delta);
                        c.commit();
                        mine[n++] = System.nanoTime() - t0;
                        if (done) {
                            net.addAndGet(delta);
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                latencies[me] = mine;
                counts[me] = n;
            }));
        }
        ready.await();
        long t0 = System.nanoTime();
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUM(balance), MIN(balance) FROM account")) {
            rs.next();
            if (rs.getLong(1) != start * wallets + net.get() || rs.getLong(2) < 0) {
                throw new IllegalStateException(name + " lost money: " + rs.getLong(1) + " vs " + (start * wallets + net.get()));
            }
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int k = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, k, counts[t]);
            k += counts[t];
        }
        Arrays.sort(all);
        Result r = new Result(name, scenario, threads, total / elapsed, all[total / 2] / 1e6, all[(int) (total * 0.99)] / 1e6,
                refused.get());
        System.out.printf(Locale.ROOT, "%-12s %-7s %3d threads: %8.0f ops/s  p50 %6.2f ms  p99 %7.2f ms%n", name, scenario,
                threads, r.opsPerSecond(), r.p50Ms(), r.p99Ms());
        return r;
    }

    static long readBalance(Connection c, long id, boolean lock) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT balance FROM account WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
            read.setLong(1, id);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void write(List<Result> results) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Wallet balance updates: conditional UPDATE vs. row lock\n\n")
                .append("Produced by `bench/wallet/run` (WalletBench.java) on ").append(Instant.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs (shared with other work), the local ")
                .append("MySQL-compatible server, READ COMMITTED, one transaction per operation, half credits and half ")
                .append("debits of 1..100 fen, ").append(SECONDS).append(" s per run, ").append(ROUNDS)
                .append(" rounds alternating which strategy goes first. Every run checks that its balances add up.\n\n")
                .append("- **conditional**: `UPDATE account SET balance = balance - ? WHERE id = ? AND balance >= ?`, then read the balance back (2 statements)\n")
                .append("- **conditional-1rt**: the same update as `balance = LAST_INSERT_ID(balance - ?)`, the new balance read from the OK packet (1 statement)\n")
                .append("- **row-lock**: `SELECT balance ... FOR UPDATE`, check in Java, `UPDATE account SET balance = ?` (2 statements)\n\n")
                .append("| scenario | threads | conditional ops/s | conditional-1rt ops/s | row-lock ops/s | conditional ÷ row-lock | conditional-1rt ÷ row-lock | p99 ms (cond / 1rt / lock) |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (String scenario : List.of("hot", "spread")) {
            for (int threads : new int[]{8, 32}) {
                double a = mean(results, "conditional", scenario, threads, true);
                double one = mean(results, "conditional-1rt", scenario, threads, true);
                double b = mean(results, "row-lock", scenario, threads, true);
                md.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.2f× | %.2f× | %.1f / %.1f / %.1f |%n",
                        scenario.equals("hot") ? "one hot wallet" : "100 wallets", threads, a, one, b, a / b, one / b,
                        mean(results, "conditional", scenario, threads, false),
                        mean(results, "conditional-1rt", scenario, threads, false),
                        mean(results, "row-lock", scenario, threads, false)));
            }
        }
        md.append("\nRatios are throughputs measured in the same run (means over the rounds).\n");
        Files.writeString(Path.of("bench/wallet/RESULTS.md"), md.toString());
        System.out.println(md);
    }

    static double mean(List<Result> results, String strategy, String scenario, int threads, boolean throughput) {
        return results.stream().filter(r -> r.strategy().equals(strategy) && r.scenario().equals(scenario) && r.threads() == threads)
                .mapToDouble(r -> throughput ? r.opsPerSecond() : r.p99Ms()).average().orElse(Double.NaN);
    }

    static Connection connect(String db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", PASSWORD);
        p.setProperty("sslMode", "DISABLED");
        p.setProperty("allowPublicKeyRetrieval", "true");
        return DriverManager.getConnection(URL + db, p);
    }

    static void admin(String sql) throws SQLException {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
