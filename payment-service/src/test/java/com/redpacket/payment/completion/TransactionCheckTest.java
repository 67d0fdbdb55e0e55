package com.redpacket.payment.completion;

import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.payment.order.OrderStatus;
import com.redpacket.payment.order.PaymentOrder;
import com.redpacket.payment.wechat.ReportedTransaction;
import com.redpacket.payment.wechat.TradeType;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TransactionCheckTest {
    private static final PaymentOrder ORDER = new PaymentOrder("P0000000000000000042", PaymentPurpose.PACKET, 42, 7,
            1000, TradeType.NATIVE, "红包", null, "1900000109", "wxd678efh567hg6787", OrderStatus.PENDING, null,
            Instant.now(), Instant.now().plusSeconds(900));

    @Test
    void theOrdersOwnPaymentMatches() {
        assertThat(TransactionCheck.mismatches(ORDER, paid("1900000109", "wxd678efh567hg6787", 1000, "SUCCESS")))
                .isEmpty();
    }

    @Test
    void everyDisagreementIsNamed() {
        assertThat(TransactionCheck.mismatches(ORDER, paid("1900000109", "wxd678efh567hg6787", 999, "SUCCESS")))
                .containsExactly("amount");
        assertThat(TransactionCheck.mismatches(ORDER, paid("1900000999", "wx0000000000000000", 1000, "SUCCESS")))
                .containsExactly("mchid", "appid");
        assertThat(TransactionCheck.mismatches(ORDER, paid("1900000109", "wxd678efh567hg6787", 1000, "NOTPAY")))
                .containsExactly("trade_state");
        ReportedTransaction noId = new ReportedTransaction(ORDER.outTradeNo(), "", "1900000109", "wxd678efh567hg6787",
                "SUCCESS", 1000, Instant.now(), null, "NATIVE");
        assertThat(TransactionCheck.mismatches(ORDER, noId)).containsExactly("transaction_id");
    }

    private static ReportedTransaction paid(String mchid, String appid, long amount, String state) {
        return new ReportedTransaction(ORDER.outTradeNo(), "4200000000202601010000000001", mchid, appid, state, amount,
                Instant.now(), "oPayer", "NATIVE");
    }
}
