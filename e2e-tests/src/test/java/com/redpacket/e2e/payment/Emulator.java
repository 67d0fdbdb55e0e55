package com.redpacket.e2e.payment;

import com.redpacket.e2e.Api;
import tools.jackson.databind.JsonNode;

/**
 * The WeChat Pay emulator's control API (the payer's side of WeChat Pay): {@code pay} makes WeChat Pay notify the
 * system through the gateway's public /pay/notify/wechat, signed and encrypted as WeChat Pay does.
 */
public final class Emulator {
    private static final Api EMULATOR = Api.emulator();

    private Emulator() {
    }

    /** The payer pays; {@code query} adds knobs such as {@code ?delayMs=600000} (notification held back). */
    public static JsonNode pay(String outTradeNo, String query) {
        Api.Answer paid = EMULATOR.post("/emulator/transactions/" + outTradeNo + "/pay" + query, null, null);
        if (paid.status() != 200) {
            throw new AssertionError("the emulator could not pay " + outTradeNo + ": " + paid.status() + " " + paid.body());
        }
        return paid.json();
    }

    public static String tradeState(String outTradeNo) {
        return EMULATOR.get("/emulator/transactions/" + outTradeNo, null).json().get("tradeState").asString();
    }
}
