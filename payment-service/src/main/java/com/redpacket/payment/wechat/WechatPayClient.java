package com.redpacket.payment.wechat;

import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.exception.WechatPayException;
import com.wechat.pay.java.service.payments.app.AppServiceExtension;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.refund.RefundService;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import com.wechat.pay.java.service.refund.model.QueryByOutRefundNoRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything we say to WeChat Pay, through the wechatpay-java SDK (which signs each request and verifies each
 * answer's signature). Any failure, including an answer whose signature does not verify, becomes
 * {@link WechatPayUnavailable}: nothing was learnt. Query and close use the Native service: the APIs are the same
 * for every trade type.
 */
public class WechatPayClient {
    private static final Logger log = LoggerFactory.getLogger(WechatPayClient.class);

    /** How a close ended: closed (or never known to WeChat Pay), or the payer had paid in the meantime. */
    public enum CloseResult { CLOSED, ALREADY_PAID }

    private final MerchantCredentials merchant;
    private final String notifyUrl;
    private final NativePayService nativePay;
    private final AppServiceExtension appPay;
    private final JsapiServiceExtension jsapiPay;
    private final RefundService refunds;

    public WechatPayClient(MerchantCredentials merchant, String notifyUrl, NativePayService nativePay,
                           AppServiceExtension appPay, JsapiServiceExtension jsapiPay, RefundService refunds) {
        this.merchant = merchant;
        this.notifyUrl = notifyUrl;
        this.nativePay = nativePay;
        this.appPay = appPay;
        this.jsapiPay = jsapiPay;
        this.refunds = refunds;
    }

    /** Opens the payment (or, for an out_trade_no WeChat Pay knows with the same parameters, gets it again). */
    public Prepaid prepay(PrepayCall call) {
        return call("prepay " + call.outTradeNo(), () -> switch (call.tradeType()) {
            case NATIVE -> nativePrepay(call);
            case APP -> appPrepay(call);
            case JSAPI -> jsapiPrepay(call);
        });
    }

    /** The order as WeChat Pay holds it; empty when WeChat Pay does not know it (its prepay never arrived). */
    public Optional<ReportedTransaction> query(String outTradeNo) {
        QueryOrderByOutTradeNoRequest request = new QueryOrderByOutTradeNoRequest();
        request.setOutTradeNo(outTradeNo);
        request.setMchid(merchant.merchantId());
        return call("query " + outTradeNo, () -> {
            try {
                return Optional.of(SdkModels.transaction(nativePay.queryOrderByOutTradeNo(request)));
            } catch (ServiceException e) {
                if (e.getHttpStatusCode() == 404 && "ORDER_NOT_EXIST".equals(e.getErrorCode())) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /** Closes the order at WeChat Pay so that it can no longer be paid. */
    public CloseResult close(String outTradeNo) {
        CloseOrderRequest request = new CloseOrderRequest();
        request.setOutTradeNo(outTradeNo);
        request.setMchid(merchant.merchantId());
        return call("close " + outTradeNo, () -> {
            try {
                nativePay.closeOrder(request);
                return CloseResult.CLOSED;
            } catch (ServiceException e) {
                if ("ORDERPAID".equals(e.getErrorCode())) {
                    return CloseResult.ALREADY_PAID;
                }
                if (e.getHttpStatusCode() == 404 && "ORDER_NOT_EXIST".equals(e.getErrorCode())) {
                    return CloseResult.CLOSED;
                }
                throw e;
            }
        });
    }

    /** Asks for a refund; WeChat Pay deduplicates by out_refund_no, so asking again is safe. */
    public ReportedRefund refund(RefundCall call) {
        CreateRequest request = new CreateRequest();
        request.setTransactionId(call.transactionId());
        request.setOutRefundNo(call.outRefundNo());
        request.setReason(call.reason());
        request.setNotifyUrl(notifyUrl);
        AmountReq amount = new AmountReq();
        amount.setRefund(call.amount());
        amount.setTotal(call.paidAmount());
        amount.setCurrency("CNY");
        request.setAmount(amount);
        return call("refund " + call.outRefundNo(), () -> SdkModels.refund(refunds.create(request)));
    }

    public ReportedRefund queryRefund(String outRefundNo) {
        QueryByOutRefundNoRequest request = new QueryByOutRefundNoRequest();
        request.setOutRefundNo(outRefundNo);
        return call("query refund " + outRefundNo, () -> SdkModels.refund(refunds.queryByOutRefundNo(request)));
    }

    private Prepaid nativePrepay(PrepayCall call) {
        var request = new com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest();
        request.setAppid(merchant.appId());
        request.setMchid(merchant.merchantId());
        request.setDescription(call.description());
        request.setOutTradeNo(call.outTradeNo());
        request.setTimeExpire(WechatTimes.format(call.expiresAt()));
        request.setNotifyUrl(notifyUrl);
        var amount = new com.wechat.pay.java.service.payments.nativepay.model.Amount();
        amount.setTotal(Math.toIntExact(call.amount()));
        amount.setCurrency("CNY");
        request.setAmount(amount);
        return new Prepaid(null, nativePay.prepay(request).getCodeUrl(), null);
    }

    private Prepaid appPrepay(PrepayCall call) {
        var request = new com.wechat.pay.java.service.payments.app.model.PrepayRequest();
        request.setAppid(merchant.appId());
        request.setMchid(merchant.merchantId());
        request.setDescription(call.description());
        request.setOutTradeNo(call.outTradeNo());
        request.setTimeExpire(WechatTimes.format(call.expiresAt()));
        request.setNotifyUrl(notifyUrl);
        var amount = new com.wechat.pay.java.service.payments.app.model.Amount();
        amount.setTotal(Math.toIntExact(call.amount()));
        amount.setCurrency("CNY");
        request.setAmount(amount);
        var answer = appPay.prepayWithRequestPayment(request);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("appId", answer.getAppid());
        params.put("partnerId", answer.getPartnerId());
        params.put("prepayId", answer.getPrepayId());
        params.put("package", answer.getPackageVal());
        params.put("nonceStr", answer.getNonceStr());
        params.put("timeStamp", answer.getTimestamp());
        params.put("sign", answer.getSign());
        return new Prepaid(answer.getPrepayId(), null, params);
    }

    private Prepaid jsapiPrepay(PrepayCall call) {
        var request = new com.wechat.pay.java.service.payments.jsapi.model.PrepayRequest();
        request.setAppid(merchant.appId());
        request.setMchid(merchant.merchantId());
        request.setDescription(call.description());
        request.setOutTradeNo(call.outTradeNo());
        request.setTimeExpire(WechatTimes.format(call.expiresAt()));
        request.setNotifyUrl(notifyUrl);
        var amount = new com.wechat.pay.java.service.payments.jsapi.model.Amount();
        amount.setTotal(Math.toIntExact(call.amount()));
        amount.setCurrency("CNY");
        request.setAmount(amount);
        var payer = new com.wechat.pay.java.service.payments.jsapi.model.Payer();
        payer.setOpenid(call.payerOpenId());
        request.setPayer(payer);
        var answer = jsapiPay.prepayWithRequestPayment(request);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("appId", answer.getAppId());
        params.put("timeStamp", answer.getTimeStamp());
        params.put("nonceStr", answer.getNonceStr());
        params.put("package", answer.getPackageVal());
        params.put("signType", answer.getSignType());
        params.put("paySign", answer.getPaySign());
        return new Prepaid(answer.getPackageVal().substring("prepay_id=".length()), null, params);
    }

    /**
     * Runs one SDK call. The SDK throws {@link WechatPayException}s, and IllegalArgumentException for an answer whose
     * Wechatpay-Timestamp is missing or stale; all of them mean the same to us.
     */
    private static <T> T call(String what, Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (WechatPayException | IllegalArgumentException e) {
            String reason = describe(e);
            log.warn("WeChat Pay {} failed: {}", what, reason);
            throw new WechatPayUnavailable("WeChat Pay " + what + " failed: " + reason, e);
        }
    }

    /** Says what went wrong without the SDK's own messages, which quote whole requests and answers. */
    private static String describe(RuntimeException e) {
        return switch (e) {
            case ServiceException s -> "HTTP " + s.getHttpStatusCode() + " " + s.getErrorCode() + " " + s.getErrorMessage();
            case ValidationException v -> "the answer's signature does not verify";
            case HttpException h -> "unreachable (" + (h.getCause() == null ? "I/O error" : h.getCause().toString()) + ")";
            case IllegalArgumentException i -> "the answer's timestamp is missing or stale";
            default -> e.getClass().getSimpleName();
        };
    }
}
