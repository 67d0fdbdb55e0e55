package com.redpacket.packet.read;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** What the app needs to pay a WECHAT packet: {@code codeUrl} (NATIVE) or signed {@code prepay} parameters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentView(String outTradeNo, String codeUrl, Map<String, String> prepay) {
}
