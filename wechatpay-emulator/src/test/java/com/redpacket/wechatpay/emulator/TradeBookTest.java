package com.redpacket.wechatpay.emulator;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.redpacket.wechatpay.emulator.Fixtures.KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** WeChat Pay's rules as the emulator keeps them. */
class TradeBookTest {
    private final TradeBook book = new TradeBook(KEYS);

    @Test
    void aRepeatedPrepayIsTheSameOrderAndAnotherOrderUnderTheSameNumberIsRefused() {
        Trade first = book.prepay("APP", order("T0000000000000000001", 100, null), KEYS.mchid());
        Trade again = book.prepay("APP", order("T0000000000000000001", 100, null), KEYS.mchid());
        assertThat(again.prepayId).isEqualTo(first.prepayId);
        assertRefused(() -> book.prepay("APP", order("T0000000000000000001", 101, null), KEYS.mchid()), "INVALID_REQUEST");
        assertRefused(() -> book.prepay("NATIVE", order("T0000000000000000001", 100, null), KEYS.mchid()), "INVALID_REQUEST");
    }

    @Test
    void prepayChecksWhatWechatPayChecks() {
        assertRefused(() -> book.prepay("JSAPI", order("T0000000000000000002", 100, null), KEYS.mchid()), "PARAM_ERROR");
        assertRefused(() -> book.prepay("NATIVE", order("T1", 100, null), KEYS.mchid()), "PARAM_ERROR");
        assertRefused(() -> book.prepay("NATIVE", order("T0000000000000000003", 0, null), KEYS.mchid()), "PARAM_ERROR");
        assertRefused(() -> book.prepay("NATIVE", order("T0000000000000000004", 100, null), "1900000000"), "PARAM_ERROR");
        Wire.PrepayBody otherApp = new Wire.PrepayBody("wx0000000000000000", KEYS.mchid(), "红包", "T0000000000000000005",
                null, null, "http://localhost/pay/notify/wechat", new Wire.OrderAmount(100L, "CNY"), null);
        assertRefused(() -> book.prepay("NATIVE", otherApp, KEYS.mchid()), "APPID_MCHID_NOT_MATCH");
        Wire.PrepayBody withQuery = new Wire.PrepayBody(KEYS.appid(), KEYS.mchid(), "红包", "T0000000000000000006",
                null, null, "http://localhost/notify?x=1", new Wire.OrderAmount(100L, "CNY"), null);
        assertRefused(() -> book.prepay("NATIVE", withQuery, KEYS.mchid()), "PARAM_ERROR");
    }

    @Test
    void anOrderIsPaidOnceAndAClosedOneOnlyWhenATestSaysSo() {
        book.prepay("NATIVE", order("P0000000000000000001", 100, null), KEYS.mchid());
        Trade paid = book.pay("P0000000000000000001", false);
        assertThat(paid.state).isEqualTo(Trade.SUCCESS);
        assertThat(paid.transactionId).hasSize(28).startsWith("4200");
        assertRefused(() -> book.pay("P0000000000000000001", false), "ORDERPAID");
        assertRefused(() -> book.close("P0000000000000000001"), "ORDERPAID");

        book.prepay("NATIVE", order("P0000000000000000002", 100, null), KEYS.mchid());
        book.close("P0000000000000000002");
        assertRefused(() -> book.pay("P0000000000000000002", false), "ORDER_CLOSED");
        assertThat(book.pay("P0000000000000000002", true).state).isEqualTo(Trade.SUCCESS);
    }

    @Test
    void anOrderPastItsTimeExpireIsClosed() {
        Wire.PrepayBody expired = new Wire.PrepayBody(KEYS.appid(), KEYS.mchid(), "红包", "P0000000000000000003",
                Times.rfc3339(Instant.now().minusSeconds(1)), null, "http://localhost/n", new Wire.OrderAmount(100L, "CNY"),
                null);
        book.prepay("NATIVE", expired, KEYS.mchid());
        assertThat(book.find("P0000000000000000003").state).isEqualTo(Trade.CLOSED);
        assertThat(book.find("P0000000000000000003").toTransaction().tradeState()).isEqualTo("CLOSED");
    }

    @Test
    void refundsNeverExceedThePaymentAndRepeatByTheirNumber() {
        book.prepay("NATIVE", order("P0000000000000000004", 100, null), KEYS.mchid());
        assertRefused(() -> book.refund(refund("R1", "P0000000000000000004", 100, 100)), "INVALID_REQUEST");
        book.pay("P0000000000000000004", false);
        assertRefused(() -> book.refund(refund("R1", "P0000000000000000004", 101, 100)), "NOT_ENOUGH");
        assertRefused(() -> book.refund(refund("R1", "P0000000000000000004", 50, 99)), "PARAM_ERROR");

        RefundRecord first = book.refund(refund("R1", "P0000000000000000004", 60, 100));
        assertThat(book.refund(refund("R1", "P0000000000000000004", 60, 100))).isSameAs(first);
        assertRefused(() -> book.refund(refund("R2", "P0000000000000000004", 41, 100)), "NOT_ENOUGH");
        assertThat(book.find("P0000000000000000004").state).isEqualTo(Trade.REFUND);

        assertThat(book.endRefund("R1", false)).isPresent();
        assertThat(book.endRefund("R1", false)).isEmpty();
        assertThat(book.findRefund("R1").toRefund().status()).isEqualTo("SUCCESS");
    }

    @Test
    void anAbnormalRefundLeavesTheMoneyRefundableAgain() {
        book.prepay("NATIVE", order("P0000000000000000005", 100, null), KEYS.mchid());
        book.pay("P0000000000000000005", false);
        book.refund(refund("R5", "P0000000000000000005", 100, 100));
        assertThat(book.endRefund("R5", true).orElseThrow().toNotice().refundStatus()).isEqualTo("ABNORMAL");
        assertThat(book.find("P0000000000000000005").state).isEqualTo(Trade.SUCCESS);
        assertThat(book.refund(refund("R6", "P0000000000000000005", 100, 100)).amount).isEqualTo(100);
    }

    private static Wire.PrepayBody order(String outTradeNo, long amount, String openid) {
        return new Wire.PrepayBody(KEYS.appid(), KEYS.mchid(), "红包", outTradeNo, null, null,
                "http://localhost:8080/pay/notify/wechat", new Wire.OrderAmount(amount, "CNY"),
                openid == null ? null : new Wire.Payer(openid));
    }

    private static Wire.RefundBody refund(String outRefundNo, String outTradeNo, long refund, long total) {
        return new Wire.RefundBody(null, outTradeNo, outRefundNo, "test", null,
                new Wire.RefundAmountBody(refund, total, "CNY"));
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(WechatPayError.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }
}
