package com.redpacket.wechatpay.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The JSON WeChat Pay APIv3 speaks (snake_case, absent fields left out), request and answer bodies alike. */
final class Wire {
    private Wire() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PrepayBody(String appid, String mchid, String description, String outTradeNo, String timeExpire,
                      String attach, String notifyUrl, OrderAmount amount, Payer payer) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OrderAmount(Long total, String currency) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Payer(String openid) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NativePrepay(String codeUrl) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Prepay(String prepayId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CloseBody(String mchid) {
    }

    /** A payment order as query answers and TRANSACTION.SUCCESS notifications describe it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Transaction(String appid, String mchid, String outTradeNo, String transactionId, String tradeType,
                       String tradeState, String tradeStateDesc, String bankType, String attach, String successTime,
                       Payer payer, TransactionAmount amount) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TransactionAmount(Long total, Long payerTotal, String currency, String payerCurrency) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RefundBody(String transactionId, String outTradeNo, String outRefundNo, String reason, String notifyUrl,
                      RefundAmountBody amount) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RefundAmountBody(Long refund, Long total, String currency) {
    }

    /** A refund as the create and query answers describe it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Refund(String refundId, String outRefundNo, String transactionId, String outTradeNo, String channel,
                  String userReceivedAccount, String successTime, String createTime, String status,
                  RefundAmount amount) {
    }

    /** A refund as REFUND.* notifications describe it (its status field is named differently there). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RefundNotice(String mchid, String outTradeNo, String transactionId, String outRefundNo, String refundId,
                        String refundStatus, String successTime, String userReceivedAccount, RefundAmount amount) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RefundAmount(Long total, Long refund, Long payerTotal, Long payerRefund, Long settlementRefund,
                        Long settlementTotal, Long discountRefund, String currency) {
    }

    /** The envelope of every notification; {@code resource} carries the encrypted business object. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Notification(String id, String createTime, String resourceType, String eventType, String summary,
                        EncryptedResource resource) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EncryptedResource(String originalType, String algorithm, String ciphertext, String associatedData,
                             String nonce) {
    }
}
