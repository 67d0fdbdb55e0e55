package com.redpacket.wechatpay.emulator;

import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The emulator's WeChat Pay ledger, in memory: orders by out_trade_no, refunds by out_refund_no, with WeChat Pay's
 * rules for repeats (a prepay repeated with the same parameters is the same order; with others it is refused),
 * for paid and closed orders, and for refunds (never more than was paid).
 */
@Component
public class TradeBook {
    private static final Pattern OUT_TRADE_NO = Pattern.compile("[A-Za-z0-9_\\-|*]{6,32}");
    private static final Pattern OUT_REFUND_NO = Pattern.compile("[A-Za-z0-9_\\-|*@]{1,64}");
    private static final Duration DEFAULT_EXPIRY = Duration.ofHours(2);

    private final KeyMaterial keys;
    private final Map<String, Trade> trades = new HashMap<>();
    private final Map<String, RefundRecord> refunds = new HashMap<>();

    public TradeBook(KeyMaterial keys) {
        this.keys = keys;
    }

    synchronized Trade prepay(String tradeType, Wire.PrepayBody body, String verifiedMchid) {
        validate(tradeType, body, verifiedMchid);
        Trade existing = trades.get(body.outTradeNo());
        if (existing != null) {
            expireIfDue(existing);
            if (!existing.sameOrder(tradeType, body)) {
                throw new WechatPayError(400, "INVALID_REQUEST", "请求参数与原订单不一致: out_trade_no was used for another order");
            }
            if (existing.paid()) {
                throw new WechatPayError(400, "ORDERPAID", "该订单已支付");
            }
            if (existing.state.equals(Trade.CLOSED)) {
                throw new WechatPayError(400, "ORDER_CLOSED", "订单已关闭");
            }
            return existing;
        }
        Instant expiresAt = body.timeExpire() == null ? Instant.now().plus(DEFAULT_EXPIRY)
                : Times.parse("time_expire", body.timeExpire());
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        Trade trade = new Trade(tradeType, body, "wx" + stamp + Nonces.alphanumeric(18),
                "weixin://wxpay/bizpayurl?pr=" + Nonces.alphanumeric(7), expiresAt);
        trades.put(body.outTradeNo(), trade);
        return trade;
    }

    synchronized Trade find(String outTradeNo) {
        Trade trade = trades.get(outTradeNo);
        if (trade == null) {
            throw WechatPayError.orderNotFound();
        }
        expireIfDue(trade);
        return trade;
    }

    synchronized Trade findByTransactionId(String transactionId) {
        return trades.values().stream().filter(t -> transactionId.equals(t.transactionId)).findFirst()
                .orElseThrow(WechatPayError::orderNotFound);
    }

    synchronized void close(String outTradeNo) {
        Trade trade = find(outTradeNo);
        if (trade.paid()) {
            throw new WechatPayError(400, "ORDERPAID", "订单已支付");
        }
        trade.state = Trade.CLOSED;
    }

    /**
     * The payer pays. {@code evenIfClosed} lets a test stage the race real WeChat Pay allows only at the edge: a
     * payment completing for an order the merchant has just closed.
     */
    synchronized Trade pay(String outTradeNo, boolean evenIfClosed) {
        Trade trade = find(outTradeNo);
        if (trade.paid()) {
            throw new WechatPayError(409, "ORDERPAID", "order " + outTradeNo + " is already paid");
        }
        if (trade.state.equals(Trade.CLOSED) && !evenIfClosed) {
            throw new WechatPayError(409, "ORDER_CLOSED", "order " + outTradeNo + " is closed");
        }
        trade.state = Trade.SUCCESS;
        trade.successTime = Instant.now();
        trade.transactionId = "4200" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDateTime.now()) + Nonces.digits(16);
        return trade;
    }

    synchronized RefundRecord refund(Wire.RefundBody body) {
        if (body.outRefundNo() == null || !OUT_REFUND_NO.matcher(body.outRefundNo()).matches()) {
            throw WechatPayError.param("out_refund_no must be 1-64 of [A-Za-z0-9_-|*@]");
        }
        if (body.amount() == null || body.amount().refund() == null || body.amount().total() == null) {
            throw WechatPayError.param("amount.refund and amount.total are required");
        }
        RefundRecord existing = refunds.get(body.outRefundNo());
        if (existing != null) {
            if (existing.amount != body.amount().refund()) {
                throw new WechatPayError(400, "INVALID_REQUEST", "out_refund_no was used for another refund");
            }
            return existing;
        }
        Trade trade = body.transactionId() != null ? findByTransactionId(body.transactionId()) : find(body.outTradeNo());
        if (!trade.paid()) {
            throw new WechatPayError(400, "INVALID_REQUEST", "订单未支付: nothing to refund");
        }
        if (body.amount().total() != trade.total()) {
            throw WechatPayError.param("amount.total " + body.amount().total() + " is not the order's " + trade.total());
        }
        long refund = body.amount().refund();
        if (refund < 1 || refund > trade.total() - trade.refunded()) {
            throw new WechatPayError(403, "NOT_ENOUGH", "refund exceeds what is left of the payment");
        }
        RefundRecord record = new RefundRecord(body.outRefundNo(), "50" + Nonces.digits(30), trade, refund,
                body.notifyUrl());
        trade.refunds.add(record);
        trade.state = Trade.REFUND;
        refunds.put(record.outRefundNo, record);
        return record;
    }

    synchronized RefundRecord findRefund(String outRefundNo) {
        RefundRecord refund = refunds.get(outRefundNo);
        if (refund == null) {
            throw new WechatPayError(404, "RESOURCE_NOT_EXISTS", "退款单不存在");
        }
        return refund;
    }

    /**
     * Ends a PROCESSING refund as SUCCESS or ABNORMAL (the money could not be paid out: it stays with the
     * merchant); empty when it had ended already (a repeated create).
     */
    synchronized Optional<RefundRecord> endRefund(String outRefundNo, boolean abnormal) {
        RefundRecord refund = findRefund(outRefundNo);
        if (!refund.status.equals(RefundRecord.PROCESSING)) {
            return Optional.empty();
        }
        if (abnormal) {
            refund.status = RefundRecord.ABNORMAL;
            if (refund.trade.refunded() == 0) {
                refund.trade.state = Trade.SUCCESS;
            }
        } else {
            refund.status = RefundRecord.SUCCESS;
            refund.successTime = Instant.now();
        }
        return Optional.of(refund);
    }

    private void validate(String tradeType, Wire.PrepayBody body, String verifiedMchid) {
        if (body.appid() == null || !body.appid().equals(keys.appid())) {
            throw new WechatPayError(400, "APPID_MCHID_NOT_MATCH", "appid和mch_id不匹配");
        }
        if (body.mchid() == null || !body.mchid().equals(verifiedMchid)) {
            throw WechatPayError.param("mchid must be the signing merchant's");
        }
        if (body.description() == null || body.description().isEmpty() || body.description().length() > 127) {
            throw WechatPayError.param("description must be 1-127 characters");
        }
        if (body.outTradeNo() == null || !OUT_TRADE_NO.matcher(body.outTradeNo()).matches()) {
            throw WechatPayError.param("out_trade_no must be 6-32 of [A-Za-z0-9_-|*]");
        }
        if (body.notifyUrl() == null || !isHttpUrlWithoutQuery(body.notifyUrl())) {
            throw WechatPayError.param("notify_url must be an http(s) URL without parameters");
        }
        if (body.amount() == null || body.amount().total() == null || body.amount().total() < 1) {
            throw WechatPayError.param("amount.total must be at least 1 fen");
        }
        if (body.amount().currency() != null && !body.amount().currency().equals("CNY")) {
            throw WechatPayError.param("amount.currency must be CNY");
        }
        if (tradeType.equals("JSAPI") && (body.payer() == null || body.payer().openid() == null)) {
            throw WechatPayError.param("payer.openid is required for JSAPI");
        }
    }

    private static boolean isHttpUrlWithoutQuery(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void expireIfDue(Trade trade) {
        if (trade.state.equals(Trade.NOTPAY) && Instant.now().isAfter(trade.expiresAt)) {
            trade.state = Trade.CLOSED;
        }
    }
}
