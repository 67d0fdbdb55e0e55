package com.redpacket.payment.query;

import com.redpacket.contracts.events.PaymentClosed;
import com.redpacket.payment.order.OrderRepository;
import com.redpacket.payment.order.PaymentOrder;
import com.redpacket.platform.outbox.OutboxWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks an order CLOSED and announces {@code PaymentClosed} (packet-service then cancels the packet), in one
 * transaction and only if it is still PENDING: a payment completed just before wins, and nothing is closed twice.
 * Called only after WeChat Pay itself has closed the order, so no money can arrive for it any more.
 */
@Service
public class OrderClosing {
    private final OrderRepository orders;
    private final OutboxWriter outbox;

    public OrderClosing(OrderRepository orders, OutboxWriter outbox) {
        this.orders = orders;
        this.outbox = outbox;
    }

    @Transactional
    public boolean close(PaymentOrder order) {
        if (!orders.markClosed(order.outTradeNo())) {
            return false;
        }
        outbox.write(PaymentClosed.of(order.outTradeNo(), order.purpose(), order.referenceId(), order.userId(),
                order.amount()));
        return true;
    }
}
