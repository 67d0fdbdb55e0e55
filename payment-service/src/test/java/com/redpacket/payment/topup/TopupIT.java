package com.redpacket.payment.topup;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.payment.AbstractPaymentIT;
import com.redpacket.payment.PaymentEvents;
import com.redpacket.payment.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** API.md Wallet: top-ups, as the gateway passes them on (caller in X-User-Id). */
class TopupIT extends AbstractPaymentIT {
    private static final String PATH = "/api/wallet/topups";

    @Test
    void aTopupIsAWechatPayOrderThatSucceedsWhenPaid() {
        long user = newReferenceId();
        TestHttp.Answer created = SERVICE.post(PATH, Map.of("amount", 5000, "channel", "NATIVE"), caller(user));

        assertThat(created.status()).isEqualTo(201);
        JsonNode topup = created.json();
        String id = topup.get("id").asString();
        String otn = topup.get("outTradeNo").asString();
        assertThat(otn).isEqualTo(String.format("T%019d", Long.parseLong(id)));
        assertThat(topup.get("status").asString()).isEqualTo("PENDING");
        assertThat(topup.get("amount").asLong()).isEqualTo(5000);
        assertThat(topup.get("codeUrl").asString()).startsWith("weixin://");
        assertThat(topup.has("prepay")).isFalse();
        assertThat(status(user, id).get("status").asString()).isEqualTo("PENDING");

        emulatorPay(otn, "");

        await().atMost(Duration.ofSeconds(20)).until(() -> status(user, id).get("status").asString().equals("SUCCEEDED"));
        JsonNode done = status(user, id);
        assertThat(done.get("id").asString()).isEqualTo(id);
        assertThat(done.get("amount").asLong()).isEqualTo(5000);
        List<DomainEvent> events = PaymentEvents.of(otn, 1, Duration.ofSeconds(15));
        assertThat(events).hasSize(1).first().isInstanceOfSatisfying(PaymentSucceeded.class, e -> {
            assertThat(e.purpose()).isEqualTo(PaymentPurpose.TOPUP);
            assertThat(e.referenceId()).isEqualTo(Long.parseLong(id));
            assertThat(e.userId()).isEqualTo(user);
            assertThat(e.partitionKey()).isEqualTo(Long.toString(user));
        });
    }

    @Test
    void theSameIdempotencyKeyGetsTheSameTopupAndAnotherBodyIsRefused() {
        long user = newReferenceId();
        Map<String, String> headers = Map.of("X-User-Id", Long.toString(user), "Idempotency-Key", "topup-" + UUID.randomUUID());
        TestHttp.Answer first = SERVICE.post(PATH, Map.of("amount", 1200, "channel", "APP"), headers);
        TestHttp.Answer again = SERVICE.post(PATH, Map.of("amount", 1200, "channel", "APP"), headers);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(again.json().get("prepay").get("prepayId")).isEqualTo(first.json().get("prepay").get("prepayId"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_order WHERE user_id = :u").param("u", user)
                .query(Long.class).single()).isEqualTo(1);

        TestHttp.Answer other = SERVICE.post(PATH, Map.of("amount", 1300, "channel", "APP"), headers);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        TestHttp.Answer withoutKey = SERVICE.post(PATH, Map.of("amount", 1200, "channel", "APP"), caller(user));
        assertThat(withoutKey.json().get("id")).isNotEqualTo(first.json().get("id"));
    }

    @Test
    void onlyTheOwnerSeesATopup() {
        long owner = newReferenceId();
        String id = SERVICE.post(PATH, Map.of("amount", 100, "channel", "NATIVE"), caller(owner)).json().get("id").asString();

        TestHttp.Answer stranger = SERVICE.get(PATH + "/" + id, caller(owner + 1));
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json().get("code").asString()).isEqualTo("TOPUP_NOT_FOUND");
        assertThat(SERVICE.get(PATH + "/12345", caller(owner)).status()).isEqualTo(404);
        assertThat(SERVICE.get(PATH + "/" + id, Map.of()).status()).isEqualTo(401);
        assertThat(SERVICE.post(PATH, Map.of("amount", 100, "channel", "NATIVE"), Map.of()).status()).isEqualTo(401);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndOpensNothing() {
        long user = newReferenceId();
        assertInvalid(SERVICE.post(PATH, Map.of("amount", 0, "channel", "NATIVE"), caller(user)), "amount");
        assertInvalid(SERVICE.post(PATH, Map.of("amount", 5_000_001, "channel", "NATIVE"), caller(user)), "amount");
        assertInvalid(SERVICE.post(PATH, Map.of("amount", 100, "channel", "CASH"), caller(user)), "channel");
        assertInvalid(SERVICE.post(PATH, Map.of("amount", 100), caller(user)), "channel");
        assertInvalid(SERVICE.post(PATH, Map.of("channel", "NATIVE"), caller(user)), "amount");
        assertInvalid(SERVICE.post(PATH, Map.of("amount", "100", "channel", "NATIVE"), caller(user)), "amount");
        assertInvalid(SERVICE.post(PATH, Map.of("amount", 100, "channel", "JSAPI"), caller(user)), "payerOpenId");
        assertInvalid(SERVICE.get(PATH + "/abc", caller(user)), "id");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM payment_order WHERE user_id = :u").param("u", user)
                .query(Long.class).single()).isZero();
    }

    private static JsonNode status(long user, String id) {
        TestHttp.Answer answer = SERVICE.get(PATH + "/" + id, caller(user));
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    private static Map<String, String> caller(long user) {
        return Map.of("X-User-Id", Long.toString(user));
    }

    private static void assertInvalid(TestHttp.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains(field);
    }
}
