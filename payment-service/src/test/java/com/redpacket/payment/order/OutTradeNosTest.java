package com.redpacket.payment.order;

import com.redpacket.contracts.events.PaymentPurpose;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutTradeNosTest {

    @Test
    void theNumberFollowsFromPurposeAndReferenceAndFitsWechatPaysRules() {
        assertThat(OutTradeNos.of(PaymentPurpose.PACKET, 42)).isEqualTo("P0000000000000000042");
        assertThat(OutTradeNos.of(PaymentPurpose.TOPUP, Long.MAX_VALUE)).isEqualTo("T9223372036854775807");
        assertThat(OutTradeNos.of(PaymentPurpose.PACKET, 1)).matches("[A-Za-z0-9_\\-|*]{6,32}");
        assertThat(OutTradeNos.of(PaymentPurpose.PACKET, 7)).isNotEqualTo(OutTradeNos.of(PaymentPurpose.TOPUP, 7));
    }

    @Test
    void referencesArePositive() {
        assertThatThrownBy(() -> OutTradeNos.of(PaymentPurpose.PACKET, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
