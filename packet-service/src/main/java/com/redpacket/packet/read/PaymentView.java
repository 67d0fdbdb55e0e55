package com.redpacket.packet.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/** What the app needs to pay a WECHAT packet: {@code codeUrl} (NATIVE) or signed {@code prepay} parameters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(@Schema(example = "P0001839204857263001") String outTradeNo,
                          @Schema(description = "NATIVE: the QR code's content", example = "weixin://wxpay/bizpayurl?pr=abc123")
                          String codeUrl,
                          @Schema(description = "APP / JSAPI: the signed parameters to hand to the WeChat SDK "
                                  + "(see docs/contracts.md)") Map<String, String> prepay) {
}
