package com.redpacket.payment.topup;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/** The answer to a new top-up: its id, its WeChat Pay order, and what the app needs to pay it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopupView(@Schema(example = "1839204857264001") String id,
                        @Schema(description = "fen", example = "10000") long amount,
                        @Schema(example = "T0001839204857264001") String outTradeNo,
                        @Schema(allowableValues = {"PENDING", "SUCCEEDED", "CLOSED"}, example = "PENDING")
                        String status,
                        @Schema(description = "NATIVE: the QR code's content",
                                example = "weixin://wxpay/bizpayurl?pr=abc123") String codeUrl,
                        @Schema(description = "APP / JSAPI: the signed parameters to hand to the WeChat SDK "
                                + "(see docs/contracts.md)") Map<String, String> prepay) {
}
