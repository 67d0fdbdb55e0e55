package com.redpacket.settlement.packet;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.Topics;
import com.redpacket.infra.TestInfra;
import com.redpacket.settlement.AbstractSettlementIT;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.redpacket.settlement.packet.ClaimCreditingIT.claim;
import static com.redpacket.settlement.packet.ClaimCreditingIT.wechatPayment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer "crash" between the database commit and the offset commit: everything was processed and committed in
 * MySQL, but the group's offsets are rolled back to before it (as if the consumer died before committing them), and
 * the restarted listeners receive the same records again. Balances stay right and each credit happens once.
 */
class ConsumerCrashIT extends AbstractSettlementIT {
    private static final String GROUP = "settlement-service";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void recordsRedeliveredAfterTheDatabaseCommitChangeNothing() throws Exception {
        long sender = newId();
        List<Long> receivers = new ArrayList<>();
        List<DomainEvent> events = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            long packet = newId();
            for (int seq = 1; seq <= 4; seq++) {
                long receiver = newId();
                receivers.add(receiver);
                events.add(claim(packet, sender, seq, receiver, 25));
            }
            events.add(wechatPayment(packet, sender, 100));
        }
        Map<TopicPartition, Long> firstOffsets = new HashMap<>();
        Map<TopicPartition, Long> lastOffsets = new HashMap<>();
        for (DomainEvent event : events) {
            RecordMetadata sent = publish(event);
            TopicPartition tp = new TopicPartition(sent.topic(), sent.partition());
            firstOffsets.merge(tp, sent.offset(), Math::min);
            lastOffsets.merge(tp, sent.offset(), Math::max);
        }
        for (long receiver : receivers) {
            awaitBalance(receiver, 25);
        }
        long creditsBefore = count("SELECT COUNT(*) FROM ledger_txn WHERE kind = 'PACKET_GRABBED'");

        List<MessageListenerContainer> containers = List.of(listeners.getListenerContainer("settlement-packet-events"),
                listeners.getListenerContainer("settlement-payment-events"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.kafkaBootstrap()))) {
            containers.forEach(MessageListenerContainer::stop);
            Map<TopicPartition, OffsetAndMetadata> rollback = new HashMap<>();
            firstOffsets.forEach((tp, offset) -> rollback.put(tp, new OffsetAndMetadata(offset)));
            await().atMost(PATIENCE).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(GROUP, rollback).all().get();
                return true;
            });
            containers.forEach(MessageListenerContainer::start);

            for (DomainEvent event : events) {
                await().atMost(PATIENCE).until(() -> deliveries.of(event.eventId()) >= 2);
            }
            await().atMost(PATIENCE).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                for (TopicPartition tp : firstOffsets.keySet()) {
                    assertThat(committed.get(tp).offset()).as(tp.toString()).isGreaterThan(lastOffsets.get(tp));
                }
            });
        } finally {
            containers.stream().filter(c -> !c.isRunning()).forEach(MessageListenerContainer::start);
        }
        assertThat(firstOffsets.keySet()).extracting(TopicPartition::topic)
                .contains(Topics.PACKET_EVENTS, Topics.PAYMENT_EVENTS);
        for (long receiver : receivers) {
            assertThat(balance(receiver)).isEqualTo(25);
        }
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE kind = 'PACKET_GRABBED'")).isEqualTo(creditsBefore);
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'ClaimCredited' AND msg_key IN ("
                + events.stream().map(DomainEvent::partitionKey).distinct().map(k -> "'" + k + "'")
                .reduce((x, y) -> x + "," + y).orElseThrow() + ")")).isEqualTo(20);
    }
}
