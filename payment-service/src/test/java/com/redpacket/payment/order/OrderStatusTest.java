package com.redpacket.payment.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTest {

    @Test
    void onlyAPendingOrderMovesAndBothEndsAreFinal() {
        assertThat(OrderStatus.PENDING.canBecome(OrderStatus.SUCCEEDED)).isTrue();
        assertThat(OrderStatus.PENDING.canBecome(OrderStatus.CLOSED)).isTrue();
        assertThat(OrderStatus.PENDING.canBecome(OrderStatus.PENDING)).isFalse();
        for (OrderStatus next : OrderStatus.values()) {
            assertThat(OrderStatus.SUCCEEDED.canBecome(next)).isFalse();
            assertThat(OrderStatus.CLOSED.canBecome(next)).isFalse();
        }
    }
}
