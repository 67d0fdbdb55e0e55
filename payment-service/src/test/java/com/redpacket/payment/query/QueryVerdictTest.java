package com.redpacket.payment.query;

import com.redpacket.payment.wechat.ReportedTransaction;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class QueryVerdictTest {

    @Test
    void moneyAtWechatPayIsCompletedWhetherOrNotTheOrderExpired() {
        assertThat(QueryVerdict.of(state("SUCCESS"), false)).isEqualTo(QueryVerdict.COMPLETE);
        assertThat(QueryVerdict.of(state("SUCCESS"), true)).isEqualTo(QueryVerdict.COMPLETE);
        assertThat(QueryVerdict.of(state("REFUND"), true)).isEqualTo(QueryVerdict.COMPLETE);
    }

    @Test
    void anUnexpiredOrderOrAPayerMidPaymentIsLeftAlone() {
        assertThat(QueryVerdict.of(state("NOTPAY"), false)).isEqualTo(QueryVerdict.WAIT);
        assertThat(QueryVerdict.of(Optional.empty(), false)).isEqualTo(QueryVerdict.WAIT);
        assertThat(QueryVerdict.of(state("USERPAYING"), true)).isEqualTo(QueryVerdict.WAIT);
    }

    @Test
    void anExpiredUnpaidOrderIsClosedAtWechatPayUnlessItClosedItAlready() {
        assertThat(QueryVerdict.of(state("NOTPAY"), true)).isEqualTo(QueryVerdict.CLOSE);
        assertThat(QueryVerdict.of(state("PAYERROR"), true)).isEqualTo(QueryVerdict.CLOSE);
        assertThat(QueryVerdict.of(Optional.empty(), true)).isEqualTo(QueryVerdict.CLOSE);
        assertThat(QueryVerdict.of(state("CLOSED"), true)).isEqualTo(QueryVerdict.CLOSE_HERE);
    }

    private static Optional<ReportedTransaction> state(String tradeState) {
        return Optional.of(new ReportedTransaction("P0000000000000000001", "SUCCESS".equals(tradeState)
                || "REFUND".equals(tradeState) ? "4200000000202601010000000001" : null, "1900000109", "wx1",
                tradeState, 100, Instant.now(), null, "NATIVE"));
    }
}
