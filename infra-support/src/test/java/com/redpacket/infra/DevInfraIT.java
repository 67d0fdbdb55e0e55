package com.redpacket.infra;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pieces dev/up relies on, run for real: dev/mysql/init.sql and the broker started from dev/kafka's template. */
class DevInfraIT {
    private static final Path REPO = Path.of("..");

    @Test
    void initSqlGivesEachServiceItsOwnSchemaAndCanBeAppliedAgain() throws Exception {
        DbServer admin = TestInfra.db();
        String script = Files.readString(REPO.resolve("dev/mysql/init.sql"));
        admin.runScript(script);
        admin.runScript(script);

        String table = "it_" + UUID.randomUUID().toString().replace("-", "");
        DbServer service = new DbServer(admin.baseUrl(), "redpacket_user", "redpacket");
        try (Connection c = service.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE redpacket_user." + table + " (id BIGINT PRIMARY KEY)");
            s.execute("INSERT INTO redpacket_user." + table + " VALUES (1)");
            s.execute("DROP TABLE redpacket_user." + table);
            assertThatThrownBy(() -> s.execute("SELECT 1 FROM redpacket_packet.outbox_event"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
        }
    }

    @Test
    void aFailingStatementInAScriptFailsTheScript() {
        assertThatThrownBy(() -> TestInfra.db().runScript("SELECT 1;\nSELEC 2;\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SELEC 2");
    }

    @Test
    void theDevBrokerFormatsStartsAndDelivers(@TempDir Path run) throws Exception {
        HostPort at = new HostPort("127.0.0.1", freePortPair());
        DevKafka kafka = new DevKafka(run.resolve("kafka"));
        kafka.prepare(REPO.resolve("dev/kafka/server.properties"), at);
        assertThat(kafka.logDir().resolve("meta.properties")).exists();

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "kafka.Kafka", kafka.config().toString()));
        Path log = run.resolve("kafka.log");
        ProcessHandle broker = Background.start(command, log, run.resolve("kafka.pid"));
        try {
            Background.await("kafka", () -> Probes.kafka(at), broker, log, Duration.ofSeconds(90));
            ConsumerRecord<String, String> received = KafkaRoundTrip.sendAndReceive(at.toString(), "k", "v");
            assertThat(received.value()).isEqualTo("v");
        } finally {
            broker.destroy();
            broker.onExit().get();
        }
        assertThat(Probes.kafka(at).state()).isEqualTo(Presence.State.ABSENT);
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
