package com.redpacket.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * dev/up's infrastructure step. For the DB, Redis and Kafka in turn: use the server that answers at the configured
 * address ({@link InfraSettings}), or start one on this machine and leave it running, with a pid file under the run
 * folder for dev/down. Then applies dev/mysql/init.sql (schemas and per-service users) as the DB administrator.
 * <pre>
 * EnsureInfra ensure &lt;repo&gt; &lt;run-dir&gt;    what dev/up runs
 * EnsureInfra hold-db &lt;port&gt; &lt;home&gt;      keeps an embedded MariaDB alive (started by ensure)
 * EnsureInfra hold-redis &lt;port&gt; &lt;home&gt;   keeps an embedded Redis alive (started by ensure)
 * </pre>
 */
public final class EnsureInfra {
    private static final Duration DB_START = Duration.ofMinutes(3);
    private static final Duration REDIS_START = Duration.ofSeconds(30);
    private static final Duration KAFKA_START = Duration.ofSeconds(90);
    // a holder JVM only waits for SIGTERM: the smallest heap, and no C2 compiler threads, are all it needs
    private static final String HOLDER_JAVA_OPTS = "-Xmx48m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1";
    private static final String KAFKA_JAVA_OPTS = "-Xms64m -Xmx256m -Xss512k -XX:+UseSerialGC";

    private final InfraSettings settings;
    private final Path repo;
    private final Path run;

    EnsureInfra(InfraSettings settings, Path repo, Path run) {
        this.settings = settings;
        this.repo = repo;
        this.run = run;
    }

    public static void main(String[] args) {
        String command = args.length == 3 ? args[0] : "";
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", command.startsWith("hold-") ? "info" : "warn");
        }
        try {
            switch (command) {
                case "ensure" -> new EnsureInfra(InfraSettings.fromEnv(System.getenv()), Path.of(args[1]),
                        Path.of(args[2])).ensureAll();
                case "hold-db" -> Holders.db(Integer.parseInt(args[1]), Path.of(args[2]));
                case "hold-redis" -> Holders.redis(Integer.parseInt(args[1]), Path.of(args[2]));
                default -> throw new InfraException("usage: EnsureInfra ensure <repo> <run-dir> | hold-db <port> <home>"
                        + " | hold-redis <port> <home>");
            }
        } catch (InfraException | IllegalArgumentException | UncheckedIOException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    void ensureAll() {
        ensureDb();
        ensureRedis();
        ensureKafka();
    }

    void ensureDb() {
        DbServer admin = settings.dbAdmin();
        Presence presence = admin.presence();
        switch (presence.state()) {
            case ANSWERS -> say("db: using " + settings.db() + " " + origin("mariadb"));
            case FOREIGN -> throw new InfraException("db: " + settings.db() + " " + presence.detail()
                    + "; set REDPACKET_DB_ADMIN_USER / REDPACKET_DB_ADMIN_PASSWORD, or free the port");
            case ABSENT -> admin = startEmbeddedDb();
        }
        try {
            admin.runScript(read(repo.resolve("dev/mysql/init.sql")));
        } catch (IllegalStateException e) {
            throw new InfraException("db: dev/mysql/init.sql failed on " + settings.db() + ": " + e.getMessage(), e);
        }
        say("db: schemas and users of dev/mysql/init.sql are in place");
    }

    private DbServer startEmbeddedDb() {
        HostPort at = requireThisMachine("db", settings.db());
        DbServer root = DbServer.at(at, "root", "");
        ProcessHandle holder = holder("mariadb", "hold-db", at.port());
        Background.await("db: embedded MariaDB", root::presence, holder, log("mariadb"), DB_START);
        say("db: started embedded MariaDB on " + at + ", pid " + holder.pid() + " (data in " + home("mariadb")
                + ", log " + log("mariadb") + ")");
        return root;
    }

    void ensureRedis() {
        HostPort at = settings.redis();
        Presence presence = Probes.redis(at);
        switch (presence.state()) {
            case ANSWERS -> say("redis: using " + at + " " + origin("redis"));
            case FOREIGN -> throw new InfraException("redis: " + at + " " + presence.detail()
                    + "; point REDPACKET_REDIS_HOST / REDPACKET_REDIS_PORT at a Redis, or free the port");
            case ABSENT -> {
                requireThisMachine("redis", at);
                ProcessHandle holder = holder("redis", "hold-redis", at.port());
                Background.await("redis: embedded Redis", () -> Probes.redis(at), holder, log("redis"), REDIS_START);
                say("redis: started embedded Redis on " + at + ", pid " + holder.pid() + " (log " + log("redis") + ")");
            }
        }
    }

    void ensureKafka() {
        for (HostPort at : settings.kafka()) {
            Presence presence = Probes.kafka(at);
            if (presence.answers()) {
                say("kafka: using " + at + " " + origin("kafka"));
                return;
            }
            if (presence.state() == Presence.State.FOREIGN) {
                throw new InfraException("kafka: " + at + " " + presence.detail()
                        + "; point REDPACKET_KAFKA_BOOTSTRAP at a broker, or free the port");
            }
        }
        HostPort at = requireThisMachine("kafka", settings.kafka().getFirst());
        ProcessHandle broker = live("kafka").orElseGet(() -> {
            DevKafka kafka = new DevKafka(home("kafka"));
            kafka.prepare(repo.resolve("dev/kafka/server.properties"), at);
            List<String> command = java("kafka", env("REDPACKET_KAFKA_JAVA_OPTS", KAFKA_JAVA_OPTS));
            command.addAll(List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                    "-Dorg.slf4j.simpleLogger.showDateTime=true",
                    "-cp", System.getProperty("java.class.path"), "kafka.Kafka", kafka.config().toString()));
            return Background.start(command, log("kafka"), pidFile("kafka"));
        });
        Background.await("kafka: broker", () -> Probes.kafka(at), broker, log("kafka"), KAFKA_START);
        say("kafka: started a KRaft broker on " + at + ", pid " + broker.pid() + " (data in " + home("kafka")
                + ", log " + log("kafka") + ")");
    }

    /** The holder a previous dev/up left running (still starting, perhaps), or a new one. */
    private ProcessHandle holder(String name, String command, int port) {
        return live(name).orElseGet(() -> {
            List<String> java = java(name, HOLDER_JAVA_OPTS);
            java.addAll(List.of("-Djava.io.tmpdir=" + home(name).resolve("tmp"),
                    "-cp", System.getProperty("java.class.path"), EnsureInfra.class.getName(),
                    command, Integer.toString(port), home(name).toString()));
            try {
                Files.createDirectories(home(name).resolve("tmp"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Background.start(java, log(name), pidFile(name));
        });
    }

    private String origin(String name) {
        return live(name).map(p -> "(started by an earlier dev/up, pid " + p.pid() + ")").orElse("(already running)");
    }

    private Optional<ProcessHandle> live(String name) {
        return Background.live(pidFile(name), role(name));
    }

    /** The first JVM option names the process's part, where ps and a 4 KiB command line both still show it. */
    private static String role(String name) {
        return "-Dredpacket.role=" + name;
    }

    private static HostPort requireThisMachine(String what, HostPort at) {
        if (!at.isThisMachine()) {
            throw new InfraException(what + ": nothing answers at " + at + ", and that is not this machine, so no "
                    + "server can be started for it here");
        }
        return at;
    }

    private static List<String> java(String name, String options) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(role(name));
        command.addAll(Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        return command;
    }

    private Path home(String name) {
        return run.resolve(name);
    }

    private Path log(String name) {
        return run.resolve("logs").resolve(name + ".log");
    }

    private Path pidFile(String name) {
        return run.resolve("pids").resolve(name + ".pid");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
