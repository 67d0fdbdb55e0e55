package com.redpacket.infra;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What dev/up's infrastructure step does, for real: servers that answer are used as they are; missing ones are
 * started (holder JVMs, a broker process) and left running with a pid file; dev/mysql/init.sql sets up either DB.
 * The run folder is under java.io.tmpdir on purpose, as it is in a clone under /tmp.
 */
class EnsureInfraIT {
    private static final Path REPO = Path.of("..");

    @Test
    void answeringServersAreUsedAsTheyAreAndTheDbIsSetUp(@TempDir Path run) throws Exception {
        HostPort db = TestInfra.db().address();
        HostPort redis = HostPort.parse(TestInfra.redisHostPort());
        EnsureInfra ensure = new EnsureInfra(InfraSettings.fromEnv(Map.of(
                "REDPACKET_DB_HOST", db.host(), "REDPACKET_DB_PORT", Integer.toString(db.port()),
                "REDPACKET_DB_ADMIN_USER", TestInfra.db().user(),
                "REDPACKET_DB_ADMIN_PASSWORD", TestInfra.db().password(),
                "REDPACKET_REDIS_HOST", redis.host(), "REDPACKET_REDIS_PORT", Integer.toString(redis.port()),
                "REDPACKET_KAFKA_BOOTSTRAP", TestInfra.kafkaBootstrap())), REPO, run);

        ensure.ensureAll();
        ensure.ensureDb();

        assertThat(run.resolve("pids")).doesNotExist();
        assertEachServiceOwnsOnlyItsSchema(TestInfra.db());
    }

    @Test
    void aMissingDbIsStartedEmbeddedSetUpAndKeepsItsDataAcrossARestart(@TempDir Path run) throws Exception {
        int port = TestInfra.freePort();
        EnsureInfra ensure = new EnsureInfra(InfraSettings.fromEnv(Map.of("REDPACKET_DB_PORT", Integer.toString(port))),
                REPO, run);
        DbServer root = DbServer.at(new HostPort("127.0.0.1", port), "root", "");
        DbServer packetService = new DbServer(root.baseUrl(), "redpacket_packet", "redpacket");

        ensure.ensureDb();
        try {
            assertEachServiceOwnsOnlyItsSchema(root);
            execute(packetService, "CREATE TABLE redpacket_packet.kept (greeting VARCHAR(25))",
                    "INSERT INTO redpacket_packet.kept VALUES ('恭喜发财')");
        } finally {
            stop(run, "mariadb", () -> root.presence());
        }

        ensure.ensureDb();
        try (Connection c = packetService.connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT greeting FROM redpacket_packet.kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("恭喜发财");
        } finally {
            stop(run, "mariadb", () -> root.presence());
        }
    }

    @Test
    void aMissingRedisIsStartedEmbedded(@TempDir Path run) throws Exception {
        HostPort at = new HostPort("127.0.0.1", TestInfra.freePort());
        EnsureInfra ensure = new EnsureInfra(InfraSettings.fromEnv(Map.of(
                "REDPACKET_REDIS_PORT", Integer.toString(at.port()))), REPO, run);

        ensure.ensureRedis();
        try {
            assertThat(Probes.redis(at).state()).isEqualTo(Presence.State.ANSWERS);
        } finally {
            stop(run, "redis", () -> Probes.redis(at));
        }
    }

    @Test
    void aMissingBrokerIsFormattedOnceStartedAndDelivers(@TempDir Path run) throws Exception {
        HostPort at = new HostPort("127.0.0.1", freePortPair());
        EnsureInfra ensure = new EnsureInfra(InfraSettings.fromEnv(Map.of(
                "REDPACKET_KAFKA_BOOTSTRAP", at.toString())), REPO, run);
        Path meta = run.resolve("kafka/data/meta.properties");

        ensure.ensureKafka();
        String formatted;
        try {
            formatted = Files.readString(meta);
            ConsumerRecord<String, String> received = KafkaRoundTrip.sendAndReceive(at.toString(), "p-1", "armed");
            assertThat(received.value()).isEqualTo("armed");
        } finally {
            stop(run, "kafka", () -> Probes.kafka(at));
        }

        ensure.ensureKafka();
        try {
            assertThat(Files.readString(meta)).as("the same cluster, not a new format").isEqualTo(formatted);
            assertThat(KafkaRoundTrip.sendAndReceive(at.toString(), "p-2", "claimed").value()).isEqualTo("claimed");
        } finally {
            stop(run, "kafka", () -> Probes.kafka(at));
        }
    }

    @Test
    void aFailingStatementFailsTheWholeScript() {
        assertThatThrownBy(() -> TestInfra.db().runScript("SELECT 1;\nSELEC 2;\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SELEC 2");
    }

    /** What dev/mysql/init.sql promises each service: its own schema, and no other. */
    private static void assertEachServiceOwnsOnlyItsSchema(DbServer admin) throws SQLException {
        String table = "it_" + UUID.randomUUID().toString().replace("-", "");
        DbServer userService = new DbServer(admin.baseUrl(), "redpacket_user", "redpacket");
        execute(userService, "CREATE TABLE redpacket_user." + table + " (id BIGINT PRIMARY KEY)",
                "INSERT INTO redpacket_user." + table + " VALUES (1)",
                "DROP TABLE redpacket_user." + table);
        assertThatThrownBy(() -> execute(userService, "CREATE TABLE redpacket_packet." + table + " (id BIGINT)"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("denied");
    }

    private static void execute(DbServer server, String... statements) throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** As dev/down would without setsid: SIGTERM to the recorded pid only, which must take its server down too. */
    private static void stop(Path run, String name, Supplier<Presence> probe) throws Exception {
        ProcessHandle process = Background.live(run.resolve("pids/" + name + ".pid"), "-Dredpacket.role=" + name)
                .orElseThrow(() -> new AssertionError(name + " has no live pid file"));
        process.destroy();
        process.onExit().get(60, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (probe.get().state() != Presence.State.ABSENT && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(probe.get().state()).as(name + " stopped with its holder").isEqualTo(Presence.State.ABSENT);
    }

    /** The dev broker listens on a port and its controller on the next one. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = TestInfra.freePort();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another pair
            }
        }
        throw new IOException("no two adjacent free ports");
    }
}
