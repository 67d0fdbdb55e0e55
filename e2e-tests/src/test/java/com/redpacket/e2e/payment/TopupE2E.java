package com.redpacket.e2e.payment;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** API.md Wallet top-ups through the gateway, paid at the WeChat Pay emulator, credited by settlement-service. */
class TopupE2E {
    private final Api api = Api.gateway();

    @Test
    void aTopupPaidAtWechatPayIsCreditedToTheWalletOnce() {
        TestUser user = Users.register();
        long before = balance(user);
        Map<String, String> key = Map.of("Idempotency-Key", "topup-" + UUID.randomUUID());

        Api.Answer created = api.post("/api/wallet/topups", user.token(), Map.of("amount", 8888, "channel", "NATIVE"), key);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode topup = created.json();
        String id = topup.get("id").asString();
        String outTradeNo = topup.get("outTradeNo").asString();
        assertThat(topup.get("status").asString()).isEqualTo("PENDING");
        assertThat(topup.get("codeUrl").asString()).startsWith("weixin://");
        Api.Answer repeated = api.post("/api/wallet/topups", user.token(), Map.of("amount", 8888, "channel", "NATIVE"), key);
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.json().get("id").asString()).isEqualTo(id);

        Emulator.pay(outTradeNo, "?duplicates=3");

        await().atMost(Duration.ofSeconds(30)).until(() -> status(user, id).equals("SUCCEEDED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(user) == before + 8888);
        // three deliveries of the notification, one credit: still the same balance a moment later
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> balance(user) == before + 8888);
    }

    @Test
    void aTopupIsItsOwnersAndBadInputIsNamed() {
        TestUser owner = Users.register();
        TestUser stranger = Users.register();
        String id = api.post("/api/wallet/topups", owner.token(), Map.of("amount", 100, "channel", "APP"))
                .json().get("id").asString();

        assertThat(api.get("/api/wallet/topups/" + id, owner.token()).json().get("status").asString()).isEqualTo("PENDING");
        Api.Answer hidden = api.get("/api/wallet/topups/" + id, stranger.token());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("code").asString()).isEqualTo("TOPUP_NOT_FOUND");
        assertThat(api.get("/api/wallet/topups/" + id, null).status()).isEqualTo(401);

        Api.Answer bad = api.post("/api/wallet/topups", owner.token(), Map.of("amount", 0, "channel", "NATIVE"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("amount");
        Api.Answer badChannel = api.post("/api/wallet/topups", owner.token(), Map.of("amount", 100, "channel", "CASH"));
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.json().get("errors").findValuesAsString("field")).contains("channel");
    }

    @Test
    void appAndJsapiTopupsCarryTheSignedParametersTheSdkNeedsAndArePaidLikeAnyOther() {
        TestUser user = Users.register();
        Api.Answer app = api.post("/api/wallet/topups", user.token(), Map.of("amount", 300, "channel", "APP"));
        assertThat(app.status()).as(app.body()).isEqualTo(201);
        assertThat(app.json().has("codeUrl")).isFalse();
        assertThat(app.json().get("prepay").get("prepayId").asString()).isNotBlank();
        assertThat(app.json().get("prepay").get("package").asString()).isEqualTo("Sign=WXPay");

        Api.Answer noOpenId = api.post("/api/wallet/topups", user.token(), Map.of("amount", 400, "channel", "JSAPI"));
        assertThat(noOpenId.status()).as(noOpenId.body()).isEqualTo(400);
        assertThat(noOpenId.json().get("errors").findValuesAsString("field")).contains("payerOpenId");
        Api.Answer jsapi = api.post("/api/wallet/topups", user.token(),
                Map.of("amount", 400, "channel", "JSAPI", "payerOpenId", "o-e2e-" + user.id()));
        assertThat(jsapi.status()).as(jsapi.body()).isEqualTo(201);
        assertThat(jsapi.json().get("prepay").get("package").asString()).startsWith("prepay_id=");
        assertThat(jsapi.json().get("prepay").get("signType").asString()).isEqualTo("RSA");

        Emulator.pay(app.json().get("outTradeNo").asString(), "");
        Emulator.pay(jsapi.json().get("outTradeNo").asString(), "");
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(user) == 700);
        assertThat(status(user, app.json().get("id").asString())).isEqualTo("SUCCEEDED");
        assertThat(status(user, jsapi.json().get("id").asString())).isEqualTo("SUCCEEDED");
    }

    @Test
    void theNotifyEndpointIsPublicAndTrustsOnlySignatures() {
        Api.Answer forged = api.post("/pay/notify/wechat", null, "{\"event_type\":\"TRANSACTION.SUCCESS\"}");
        assertThat(forged.status()).isBetween(400, 499);
        assertThat(forged.header("Content-Type")).startsWith("application/json");
        assertThat(forged.json().get("code").asString()).isEqualTo("FAIL");
    }

    private String status(TestUser user, String id) {
        Api.Answer answer = api.get("/api/wallet/topups/" + id, user.token());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("status").asString();
    }

    private long balance(TestUser user) {
        Api.Answer wallet = api.get("/api/wallet", user.token());
        assertThat(wallet.status()).as(wallet.body()).isEqualTo(200);
        return wallet.json().get("balance").asLong();
    }
}
