package com.redpacket.infra;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** What every service's integration tests get from TestInfra is real: each server stores what it is given. */
class RealInfraIT {

    @Test
    void theDatabaseCreatesWritesAndReads() throws Exception {
        Map<String, Object> props = register(registry -> TestInfra.mysql(registry, "infra-support"));
        try (Connection c = DriverManager.getConnection((String) props.get("spring.datasource.url"),
                (String) props.get("spring.datasource.username"), (String) props.get("spring.datasource.password"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE share (id BIGINT PRIMARY KEY, amount BIGINT NOT NULL, greeting VARCHAR(25))");
            s.executeUpdate("INSERT INTO share VALUES (1, 20000, '恭喜发财'), (2, 1, NULL)");
            try (ResultSet rows = s.executeQuery("SELECT SUM(amount), MAX(greeting) FROM share")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(20001);
                assertThat(rows.getString(2)).isEqualTo("恭喜发财");
            }
        }
    }

    @Test
    void redisSetsAndGetsInTheTestDatabase() {
        Map<String, Object> props = register(TestInfra::redis);
        assertThat(props.get("spring.data.redis.database")).isEqualTo(TestInfra.REDIS_TEST_DATABASE);
        HostAndPort at = new HostAndPort((String) props.get("spring.data.redis.host"),
                Integer.parseInt((String) props.get("spring.data.redis.port")));
        String key = "it:infra:" + UUID.randomUUID();
        try (Jedis jedis = new Jedis(at, DefaultJedisClientConfig.builder()
                .database(TestInfra.REDIS_TEST_DATABASE).build())) {
            assertThat(jedis.set(key, "88")).isEqualTo("OK");
            assertThat(jedis.incrBy(key, 12)).isEqualTo(100);
            assertThat(jedis.get(key)).isEqualTo("100");
            assertThat(jedis.del(key)).isEqualTo(1);
        }
    }

    @Test
    void kafkaDeliversWhatWasProduced() throws Exception {
        Map<String, Object> props = register(TestInfra::kafka);
        String bootstrap = (String) props.get("spring.kafka.bootstrap-servers");
        assertThat(bootstrap).isEqualTo(TestInfra.kafkaBootstrap());

        ConsumerRecord<String, String> received = KafkaRoundTrip.sendAndReceive(bootstrap, "packet-1", "claimed");

        assertThat(received.key()).isEqualTo("packet-1");
        assertThat(received.value()).isEqualTo("claimed");
    }

    private static Map<String, Object> register(java.util.function.Consumer<DynamicPropertyRegistry> registration) {
        Map<String, Supplier<Object>> suppliers = new HashMap<>();
        registration.accept(suppliers::put);
        Map<String, Object> values = new HashMap<>();
        suppliers.forEach((name, supplier) -> values.put(name, supplier.get()));
        return values;
    }
}
