package com.redpacket.payment.order;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.contracts.internal.PrepayRequest;
import com.redpacket.contracts.internal.PrepayResult;
import com.redpacket.payment.wechat.MerchantCredentials;
import com.redpacket.payment.wechat.PrepayCall;
import com.redpacket.payment.wechat.Prepaid;
import com.redpacket.payment.wechat.TradeType;
import com.redpacket.payment.wechat.WechatPayClient;
import com.redpacket.payment.wechat.WechatPayUnavailable;
import com.redpacket.platform.web.ApiException;
import com.redpacket.platform.web.FieldProblem;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Opens the WeChat Pay order of a packet or a top-up, once: the out_trade_no follows from (purpose, reference), so
 * a repeat finds the same order and gets its payment parameters again (WeChat Pay answers a repeated prepay with
 * the same prepay id). The order row is written before WeChat Pay is asked, so an order WeChat Pay may know of is
 * never unknown to us; if the call fails the caller gets 503 and may retry, and the active query closes what is
 * never paid.
 */
@Service
public class OrderOpening {
    private static final Pattern OPEN_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final OrderRepository orders;
    private final WechatPayClient wechatPay;
    private final MerchantCredentials merchant;
    private final PaymentProperties props;

    public OrderOpening(OrderRepository orders, WechatPayClient wechatPay, MerchantCredentials merchant,
                        PaymentProperties props) {
        this.orders = orders;
        this.wechatPay = wechatPay;
        this.merchant = merchant;
        this.props = props;
    }

    public PrepayResult open(PrepayRequest request) {
        TradeType channel = validate(request);
        String outTradeNo = OutTradeNos.of(request.purpose(), request.referenceId());
        PaymentOrder order = orders.find(outTradeNo).orElseGet(() -> create(outTradeNo, request, channel));
        if (!sameOrder(order, request, channel)) {
            throw ApiException.of(ErrorCode.CONFLICT, "An order for " + request.purpose() + " " + request.referenceId()
                    + " exists with another payer, amount or channel");
        }
        if (order.status() != OrderStatus.PENDING) {
            return new PrepayResult(outTradeNo, order.status().name(), null, null);
        }
        if (Instant.now().isAfter(order.expiresAt())) {
            throw ApiException.of(ErrorCode.CONFLICT, "Order " + outTradeNo + " has expired and is being closed");
        }
        Prepaid prepaid;
        try {
            prepaid = wechatPay.prepay(new PrepayCall(outTradeNo, order.channel(), order.amount(), order.description(),
                    order.expiresAt(), order.payerOpenId()));
        } catch (WechatPayUnavailable e) {
            throw ApiException.of(ErrorCode.UPSTREAM_UNAVAILABLE, "WeChat Pay is unavailable; retry the request");
        }
        return new PrepayResult(outTradeNo, OrderStatus.PENDING.name(), prepaid.codeUrl(), prepaid.appParams());
    }

    private PaymentOrder create(String outTradeNo, PrepayRequest request, TradeType channel) {
        Instant now = Instant.now();
        PaymentOrder order = new PaymentOrder(outTradeNo, request.purpose(), request.referenceId(), request.userId(),
                request.amount(), channel, description(request), channel == TradeType.JSAPI ? request.payerOpenId() : null,
                merchant.merchantId(), merchant.appId(), OrderStatus.PENDING, null, now, now.plus(props.orderTimeout()));
        if (orders.insert(order, now.plus(props.query().firstAfter()))) {
            return order;
        }
        return orders.find(outTradeNo).orElseThrow();
    }

    private static boolean sameOrder(PaymentOrder order, PrepayRequest request, TradeType channel) {
        return order.userId() == request.userId() && order.amount() == request.amount() && order.channel() == channel
                && (channel != TradeType.JSAPI || Objects.equals(order.payerOpenId(), request.payerOpenId()));
    }

    private static String description(PrepayRequest request) {
        if (request.description() != null && !request.description().isBlank()) {
            return request.description();
        }
        return request.purpose() == PaymentPurpose.PACKET ? "微信红包" : "零钱充值";
    }

    private TradeType validate(PrepayRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.purpose() == null) {
            problems.add(new FieldProblem("purpose", "is required (PACKET or TOPUP)"));
        }
        if (request.referenceId() <= 0) {
            problems.add(new FieldProblem("referenceId", "must be a positive id"));
        }
        if (request.userId() <= 0) {
            problems.add(new FieldProblem("userId", "must be a positive id"));
        }
        if (request.amount() < 1 || request.amount() > props.maxOrderAmount()) {
            problems.add(new FieldProblem("amount", "must be 1.." + props.maxOrderAmount() + " fen"));
        }
        if (request.description() != null && request.description().length() > 127) {
            problems.add(new FieldProblem("description", "must be at most 127 characters"));
        }
        TradeType channel = channel(request.channel(), problems);
        if (channel == TradeType.JSAPI && (request.payerOpenId() == null || request.payerOpenId().isBlank())) {
            problems.add(new FieldProblem("payerOpenId", "is required for JSAPI"));
        } else if (request.payerOpenId() != null && !OPEN_ID.matcher(request.payerOpenId()).matches()) {
            problems.add(new FieldProblem("payerOpenId", "must be 1-128 visible ASCII characters"));
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, problems.stream()
                    .map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElseThrow(),
                    problems, Map.of());
        }
        return channel;
    }

    private static TradeType channel(String value, List<FieldProblem> problems) {
        if (value != null) {
            for (TradeType type : TradeType.values()) {
                if (type.name().equals(value)) {
                    return type;
                }
            }
        }
        problems.add(new FieldProblem("channel", "must be NATIVE, APP or JSAPI"));
        return null;
    }
}
