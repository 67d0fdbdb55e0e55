package com.redpacket.payment.order;

import com.redpacket.payment.AbstractPaymentIT;
import com.redpacket.payment.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

import static com.redpacket.payment.SignedNotifications.KEYS;
import static com.redpacket.payment.SignedNotifications.verifies;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /internal/payments/orders}: the real SDK prepays at the emulator for each channel, once per order. */
class InternalOrdersIT extends AbstractPaymentIT {

    @Test
    void nativeOrdersGetACodeUrlAndExistAtWechatPay() {
        long packetId = newReferenceId();
        JsonNode result = openOrder("PACKET", packetId, 7, 2500, "NATIVE");

        assertThat(result.get("outTradeNo").asString()).isEqualTo(String.format("P%019d", packetId));
        assertThat(result.get("status").asString()).isEqualTo("PENDING");
        assertThat(result.get("codeUrl").asString()).startsWith("weixin://wxpay/bizpayurl?pr=");
        JsonNode atWechat = EMULATOR_HTTP.get("/emulator/transactions/" + result.get("outTradeNo").asString(),
                Map.of()).json();
        assertThat(atWechat.get("tradeState").asString()).isEqualTo("NOTPAY");
        assertThat(atWechat.get("amount").asLong()).isEqualTo(2500);
        assertThat(atWechat.get("tradeType").asString()).isEqualTo("NATIVE");
    }

    @Test
    void appOrdersGetParametersSignedWithTheMerchantKey() {
        JsonNode prepay = openOrder("PACKET", newReferenceId(), 7, 100, "APP").get("prepay");

        assertThat(prepay.get("appId").asString()).isEqualTo(KEYS.appid());
        assertThat(prepay.get("partnerId").asString()).isEqualTo(KEYS.mchid());
        assertThat(prepay.get("package").asString()).isEqualTo("Sign=WXPay");
        String message = prepay.get("appId").asString() + "\n" + prepay.get("timeStamp").asString() + "\n"
                + prepay.get("nonceStr").asString() + "\n" + prepay.get("prepayId").asString() + "\n";
        assertThat(verifies(KEYS.merchantPublicKey(), message, prepay.get("sign").asString())).isTrue();
    }

    @Test
    void jsapiOrdersGetSignedPayParametersAndNeedThePayersOpenId() {
        JsonNode prepay = openOrder("TOPUP", newReferenceId(), 7, 100, "JSAPI").get("prepay");
        assertThat(prepay.get("package").asString()).startsWith("prepay_id=wx");
        assertThat(prepay.get("signType").asString()).isEqualTo("RSA");
        String message = prepay.get("appId").asString() + "\n" + prepay.get("timeStamp").asString() + "\n"
                + prepay.get("nonceStr").asString() + "\n" + prepay.get("package").asString() + "\n";
        assertThat(verifies(KEYS.merchantPublicKey(), message, prepay.get("paySign").asString())).isTrue();

        Map<String, Object> withoutOpenId = request(newReferenceId(), 100, "JSAPI");
        withoutOpenId.remove("payerOpenId");
        assertInvalid(SERVICE.post("/internal/payments/orders", withoutOpenId, Map.of()), "payerOpenId");
    }

    @Test
    void aRepeatedRequestGetsTheSameOrderAndAnotherOneIsAConflict() {
        long packetId = newReferenceId();
        JsonNode first = openOrder("PACKET", packetId, 7, 900, "APP");
        JsonNode again = openOrder("PACKET", packetId, 7, 900, "APP");

        assertThat(again.get("outTradeNo")).isEqualTo(first.get("outTradeNo"));
        assertThat(again.get("prepay").get("prepayId")).isEqualTo(first.get("prepay").get("prepayId"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_order WHERE reference_id = :id").param("id", packetId)
                .query(Long.class).single()).isEqualTo(1);

        Map<String, Object> otherAmount = request(packetId, 901, "APP");
        TestHttp.Answer conflict = SERVICE.post("/internal/payments/orders", otherAmount, Map.of());
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("code").asString()).isEqualTo("CONFLICT");
    }

    @Test
    void aPaidOrderIsNotOpenedAgain() {
        long packetId = newReferenceId();
        String otn = openOrder("PACKET", packetId, 7, 300, "NATIVE").get("outTradeNo").asString();
        emulatorPay(otn, "");
        org.awaitility.Awaitility.await().until(() -> orderStatus(otn).equals("SUCCEEDED"));

        JsonNode repeat = openOrder("PACKET", packetId, 7, 300, "NATIVE");
        assertThat(repeat.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(repeat.hasNonNull("codeUrl")).isFalse();
    }

    @Test
    void badInputIsRefusedNamingEachField() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("referenceId", 0);
        bad.put("userId", -1);
        bad.put("amount", 0);
        bad.put("channel", "BITCOIN");
        TestHttp.Answer answer = SERVICE.post("/internal/payments/orders", bad, Map.of());
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("purpose", "referenceId", "userId", "amount", "channel");

        Map<String, Object> tooMuch = request(newReferenceId(), 5_000_001, "NATIVE");
        assertInvalid(SERVICE.post("/internal/payments/orders", tooMuch, Map.of()), "amount");
        assertInvalid(SERVICE.post("/internal/payments/orders", "{\"purpose\":\"GIFT\"}", Map.of()), "purpose");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_order WHERE amount IN (0, 5000001)").query(Long.class).single())
                .isZero();
    }

    @Test
    void anAnswerWhoseSignatureDoesNotVerifyIsA503AndNothingIsPaid() {
        long packetId = newReferenceId();
        String otn = String.format("P%019d", packetId);
        EMULATOR_HTTP.post("/emulator/faults/bad-signature?count=1&mentioning=" + otn, null, Map.of());

        TestHttp.Answer answer = SERVICE.post("/internal/payments/orders", request(packetId, 700, "NATIVE"), Map.of());

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(orderStatus(otn)).isEqualTo("PENDING");
        assertThat(outboxCount("PaymentSucceeded", otn)).isZero();

        JsonNode retried = openOrder("PACKET", packetId, 7, 700, "NATIVE");
        assertThat(retried.get("codeUrl").asString()).startsWith("weixin://");
    }

    private static Map<String, Object> request(long referenceId, long amount, String channel) {
        Map<String, Object> request = new HashMap<>();
        request.put("purpose", "PACKET");
        request.put("referenceId", referenceId);
        request.put("userId", 7);
        request.put("amount", amount);
        request.put("channel", channel);
        request.put("payerOpenId", "oPayerOpenId123");
        return request;
    }

    private static void assertInvalid(TestHttp.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains(field);
    }
}
