package com.redpacket.contracts.internal;

import java.util.Map;

/** What the app needs to pay: {@code codeUrl} for NATIVE, signed {@code prepay} parameters for APP / JSAPI. */
public record PrepayResult(String outTradeNo, String status, String codeUrl, Map<String, String> prepay) {
}
