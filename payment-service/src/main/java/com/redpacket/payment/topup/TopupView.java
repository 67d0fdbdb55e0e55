package com.redpacket.payment.topup;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** The answer to a new top-up: its id, its WeChat Pay order, and what the app needs to pay it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TopupView(String id, long amount, String outTradeNo, String status, String codeUrl,
                        Map<String, String> prepay) {
}
