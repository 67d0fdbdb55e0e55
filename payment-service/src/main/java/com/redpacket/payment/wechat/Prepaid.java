package com.redpacket.payment.wechat;

import java.util.Map;

/**
 * WeChat Pay's answer to a prepay: the QR code's {@code codeUrl} (NATIVE), or the prepay id with the parameters the
 * app hands to WeChat to pay, signed with the merchant key (APP, JSAPI).
 */
public record Prepaid(String prepayId, String codeUrl, Map<String, String> appParams) {
}
