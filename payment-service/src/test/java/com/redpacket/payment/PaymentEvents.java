package com.redpacket.payment;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.Topics;
import com.redpacket.infra.TestInfra;
import com.redpacket.platform.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What reached Kafka: payment.events read from the beginning by a fresh consumer group. */
public final class PaymentEvents {
    private static final EventJson JSON = new EventJson();

    private PaymentEvents() {
    }

    /**
     * The events of one order, waiting until {@code expected} arrived (or the timeout passed) and then a little
     * longer, so that an event that should not be there has its chance to show up.
     */
    public static List<DomainEvent> of(String outTradeNo, int expected, Duration timeout) {
        List<DomainEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = TestInfra.freshConsumer(Topics.PAYMENT_EVENTS)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                poll(consumer, outTradeNo, events);
            }
            long settle = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            while (System.nanoTime() < settle) {
                poll(consumer, outTradeNo, events);
            }
        }
        return events;
    }

    private static void poll(KafkaConsumer<String, String> consumer, String outTradeNo, List<DomainEvent> events) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.value().contains("\"" + outTradeNo + "\"")) {
                events.add(JSON.read(record.value()).orElseThrow());
            }
        }
    }
}
