package com.redpacket.packet.payment;

import com.redpacket.contracts.events.ClaimCredited;
import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PacketRefunded;
import com.redpacket.contracts.events.PaymentClosed;
import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.contracts.events.Topics;
import com.redpacket.packet.store.PacketRepository;
import com.redpacket.packet.store.ShareRepository;
import com.redpacket.packet.store.ShareRepository.ShareKey;
import com.redpacket.platform.inbox.BatchHandler;
import com.redpacket.platform.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * What packet-service learns from the others: WeChat Pay's word on a packet's money (payment.events) and
 * settlement-service's crediting and refunds (settlement.events). Each event is applied once through the inbox.
 */
@Component
public class PacketEventListeners {
    static final String CONSUMER = "packet-service";
    private static final String SETTLEMENT_LISTENER = "packet-settlement-events";

    private final Inbox inbox;
    private final PayStatusService payStatus;
    private final ShareRepository shares;
    private final PacketRepository packets;

    public PacketEventListeners(Inbox inbox, PayStatusService payStatus, ShareRepository shares,
                                PacketRepository packets) {
        this.inbox = inbox;
        this.payStatus = payStatus;
        this.shares = shares;
        this.packets = packets;
    }

    @KafkaListener(topics = Topics.PAYMENT_EVENTS)
    public void onPayment(ConsumerRecord<String, String> record) {
        inbox.process(CONSUMER, record, event -> {
            switch (event) {
                case PaymentSucceeded e when e.purpose() == PaymentPurpose.PACKET -> payStatus.paid(e);
                case PaymentClosed e when e.purpose() == PaymentPurpose.PACKET -> payStatus.closed(e);
                default -> {
                    // top-ups and refunds are settlement-service's business
                }
            }
        });
    }

    /**
     * A storm's {@code ClaimCredited}s, a poll at a time in one transaction each ({@link Inbox#processBatch}), their
     * shares flagged by one statement ({@link SettlementFacts}): the packet-service CPU a claim costs matters while
     * grabs keep coming.
     */
    @KafkaListener(id = SETTLEMENT_LISTENER, idIsGroup = false, topics = Topics.SETTLEMENT_EVENTS, batch = "true",
            properties = "max.poll.records=${redpacket.packet.settlement-batch-size:100}")
    public void onSettlement(List<ConsumerRecord<String, String>> records) {
        inbox.processBatch(CONSUMER, SETTLEMENT_LISTENER, records, SettlementFacts::new, null);
    }

    /** One inbox transaction's settlement facts: refunds applied as they come, credited shares flagged together. */
    private final class SettlementFacts implements BatchHandler {
        private final List<ShareKey> credited = new ArrayList<>();

        @Override
        public void accept(DomainEvent event) {
            switch (event) {
                case ClaimCredited e -> credited.add(new ShareKey(e.packetId(), e.seq()));
                case PacketRefunded e -> packets.markRefundSettled(e.packetId(), e.occurredAt());
                default -> {
                    // other settlement facts do not change a packet
                }
            }
        }

        @Override
        public void complete() {
            if (!credited.isEmpty()) {
                shares.markCredited(credited);
            }
        }
    }
}
