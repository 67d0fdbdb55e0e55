package com.redpacket.settlement.payment;

import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.contracts.events.RefundSucceeded;
import com.redpacket.contracts.events.Topics;
import com.redpacket.platform.inbox.Inbox;
import com.redpacket.settlement.SettlementProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** payment.events → money in and out through WeChat Pay. {@code PaymentClosed} is packet-service's business. */
@Component
public class PaymentEventsListener {
    private final Inbox inbox;
    private final PaymentSettlement settlement;

    public PaymentEventsListener(Inbox inbox, PaymentSettlement settlement) {
        this.inbox = inbox;
        this.settlement = settlement;
    }

    /** In the service's consumer group ({@code spring.kafka.consumer.group-id}), not one named after the listener. */
    @KafkaListener(id = "settlement-payment-events", idIsGroup = false, topics = Topics.PAYMENT_EVENTS)
    public void on(ConsumerRecord<String, String> record) {
        inbox.process(SettlementProperties.CONSUMER, record, event -> {
            switch (event) {
                case PaymentSucceeded paid -> settlement.paid(paid);
                case RefundSucceeded refunded -> settlement.refunded(refunded);
                default -> {
                    // not a money event for settlement
                }
            }
        });
    }
}
