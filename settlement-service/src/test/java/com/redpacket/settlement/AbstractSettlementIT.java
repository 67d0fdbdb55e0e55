package com.redpacket.settlement;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.contracts.web.Headers;
import com.redpacket.infra.TestInfra;
import com.redpacket.platform.events.EventJson;
import com.redpacket.settlement.invariants.InvariantChecker;
import com.redpacket.settlement.invariants.InvariantReport;
import com.redpacket.settlement.ledger.AccountRef;
import com.redpacket.settlement.ledger.Ledger;
import com.redpacket.settlement.payment.PaymentSettlement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * settlement-service on real MariaDB and a real Kafka broker, its listeners consuming the real topics. After every
 * test the invariant report must be green and nothing may have gone to a dead-letter topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "redpacket.outbox.poll-interval=50ms",
        "redpacket.settlement.reconciliation-interval=PT1H",
        "redpacket.settlement.reconciliation-grace=PT1S",
        "redpacket.settlement.invariants-interval=PT1H",
        "logging.level.org.apache.kafka=warn",
        "logging.level.kafka=warn",
        "logging.level.state.change.logger=warn"})
@ActiveProfiles("test")
@Import(AbstractSettlementIT.TestBeans.class)
public abstract class AbstractSettlementIT {
    protected static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // a condition that already holds must not cost a poll interval: tests await hundreds of them
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(50));
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.mysql(registry, "settlement");
        TestInfra.kafka(registry);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected TransactionTemplate tx;
    @Autowired
    protected Ledger ledger;
    @Autowired
    protected PaymentSettlement payments;
    @Autowired
    protected InvariantChecker invariants;
    @Autowired
    protected MeterRegistry meters;
    @Autowired
    protected DeliveryCounter deliveries;
    /** Dead letters this context's tests sent on purpose (a test that poisons a topic adds what it sent). */
    @Autowired
    protected DeadLettersExpected deadLettersExpected;

    private final EventJson eventJson = new EventJson();

    @AfterEach
    void ledgerInvariantsHold() {
        InvariantReport report = invariants.check();
        assertThat(report.violations()).as("invariant violations").isEmpty();
        assertThat(report.ok()).isTrue();
        assertThat(report.figures().ledgerSum()).isZero();
        double deadLetters = meters.find("redpacket.events.dead.letter").counters().stream()
                .mapToDouble(Counter::count).sum();
        assertThat(deadLetters).as("events dead-lettered").isEqualTo(deadLettersExpected.get());
    }

    /** A fresh id, unique across the tests of this JVM (they share one schema). */
    protected static long newId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
    }

    /** Publishes as the producers' outbox relay does: to the event's topic, keyed by its partition key, with headers. */
    protected RecordMetadata publish(DomainEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.partitionKey(),
                eventJson.write(event));
        record.headers().add("eventId", event.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", event.type().getBytes(StandardCharsets.UTF_8));
        try {
            return kafka.send(record).get().getRecordMetadata();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every event is delivered twice, as an outbox relay that died before marking its batch would. */
    protected void publishTwice(DomainEvent... events) {
        for (DomainEvent event : events) {
            publish(event);
            publish(event);
        }
    }

    protected static PaymentSucceeded topUpEvent(long userId, long amount) {
        String transactionId = "wx-topup-" + newId();
        return PaymentSucceeded.of("out-" + transactionId, transactionId, PaymentPurpose.TOPUP, newId(), userId, amount,
                Instant.now());
    }

    /** Puts money into a wallet the way a WeChat top-up does, without the round trip through Kafka. */
    protected void topUp(long userId, long amount) {
        tx.executeWithoutResult(s -> payments.paid(topUpEvent(userId, amount)));
    }

    protected long balance(long userId) {
        return ledger.balance(AccountRef.wallet(userId));
    }

    protected void awaitBalance(long userId, long expected) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(balance(userId)).as("wallet of " + userId)
                .isEqualTo(expected));
    }

    protected long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    protected record Answer(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    protected Answer http(String method, String path, String body, Long userId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (userId != null) {
            request.header(Headers.USER_ID, Long.toString(userId));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestBeans {
        @Bean
        DeliveryCounter deliveryCounter() {
            return new DeliveryCounter();
        }

        @Bean
        DeadLettersExpected deadLettersExpected() {
            return new DeadLettersExpected();
        }
    }

    /** How many dead letters the tests of one application context caused on purpose. */
    public static class DeadLettersExpected extends AtomicInteger {
    }

    /**
     * Counts how often the listeners were handed each event id (a redelivery shows up as a count above one), by the
     * record listeners (payment.events) and the batch listener (packet.events) alike.
     */
    public static class DeliveryCounter implements RecordInterceptor<Object, Object>, BatchInterceptor<Object, Object> {
        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        @Override
        public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
                                                        org.apache.kafka.clients.consumer.Consumer<Object, Object> consumer) {
            var header = record.headers().lastHeader("eventId");
            if (header != null) {
                counts.computeIfAbsent(new String(header.value(), StandardCharsets.UTF_8), k -> new AtomicInteger())
                        .incrementAndGet();
            }
            return record;
        }

        @Override
        public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                                                         org.apache.kafka.clients.consumer.Consumer<Object, Object> consumer) {
            records.forEach(record -> intercept(record, consumer));
            return records;
        }

        public int of(String eventId) {
            AtomicInteger n = counts.get(eventId);
            return n == null ? 0 : n.get();
        }
    }
}
