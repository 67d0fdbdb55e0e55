package com.redpacket.wechatpay.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One payment order as WeChat Pay holds it. Guarded by {@link TradeBook}'s lock. */
final class Trade {
    static final String NOTPAY = "NOTPAY";
    static final String SUCCESS = "SUCCESS";
    static final String CLOSED = "CLOSED";
    static final String REFUND = "REFUND";

    final String tradeType;
    final Wire.PrepayBody order;
    final String prepayId;
    final String codeUrl;
    final Instant expiresAt;
    final List<RefundRecord> refunds = new ArrayList<>();
    String state = NOTPAY;
    String transactionId;
    Instant successTime;

    Trade(String tradeType, Wire.PrepayBody order, String prepayId, String codeUrl, Instant expiresAt) {
        this.tradeType = tradeType;
        this.order = order;
        this.prepayId = prepayId;
        this.codeUrl = codeUrl;
        this.expiresAt = expiresAt;
    }

    String outTradeNo() {
        return order.outTradeNo();
    }

    long total() {
        return order.amount().total();
    }

    boolean paid() {
        return state.equals(SUCCESS) || state.equals(REFUND);
    }

    /** What is refunded or being refunded; an ABNORMAL refund left the money with the merchant. */
    long refunded() {
        return refunds.stream().filter(r -> !r.status.equals(RefundRecord.ABNORMAL)).mapToLong(r -> r.amount).sum();
    }

    /** A repeated prepay must describe the same order, else WeChat Pay refuses it. */
    boolean sameOrder(String type, Wire.PrepayBody other) {
        return tradeType.equals(type) && order.amount().total().equals(other.amount().total())
                && Objects.equals(order.appid(), other.appid()) && Objects.equals(order.description(), other.description())
                && Objects.equals(payerOpenid(), other.payer() == null ? null : other.payer().openid());
    }

    String payerOpenid() {
        return order.payer() == null ? null : order.payer().openid();
    }

    Wire.Transaction toTransaction() {
        boolean paid = paid();
        return new Wire.Transaction(order.appid(), order.mchid(), outTradeNo(), transactionId,
                paid ? tradeType : null, state, describe(state), paid ? "OTHERS" : null,
                order.attach() == null ? "" : order.attach(), paid ? Times.rfc3339(successTime) : null,
                paid ? new Wire.Payer(payerOpenid() == null ? "oEmulatorPayer0000000000000" : payerOpenid()) : null,
                new Wire.TransactionAmount(total(), paid ? total() : null, "CNY", "CNY"));
    }

    private static String describe(String state) {
        return switch (state) {
            case SUCCESS -> "支付成功";
            case REFUND -> "转入退款";
            case CLOSED -> "已关闭";
            default -> "未支付";
        };
    }
}
