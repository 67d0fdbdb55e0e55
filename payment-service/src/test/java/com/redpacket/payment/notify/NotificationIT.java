package com.redpacket.payment.notify;

import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.payment.AbstractPaymentIT;
import com.redpacket.payment.SignedNotifications;
import com.redpacket.payment.SignedNotifications.Notification;
import com.redpacket.payment.TestHttp;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.redpacket.payment.SignedNotifications.KEYS;
import static com.redpacket.payment.SignedNotifications.body;
import static com.redpacket.payment.SignedNotifications.paidTransaction;
import static com.redpacket.payment.SignedNotifications.signed;
import static org.assertj.core.api.Assertions.assertThat;

/** Notifications signed and encrypted by the test itself from the committed keys, without the emulator. */
class NotificationIT extends AbstractPaymentIT {
    private static final String PATH = "/pay/notify/wechat";

    @Autowired
    MeterRegistry meters;

    @Test
    void aValidNotificationCompletesTheOrderAndPublishesOneEvent() {
        long packetId = newReferenceId();
        String otn = openOrder("PACKET", packetId, 77, 1234, "NATIVE").get("outTradeNo").asString();
        String transactionId = SignedNotifications.newTransactionId();

        TestHttp.Answer answer = post(signed(body("TRANSACTION.SUCCESS", "transaction",
                paidTransaction(otn, transactionId, 1234))));

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.body()).isEmpty();
        assertThat(orderStatus(otn)).isEqualTo("SUCCEEDED");
        assertThat(outboxCount("PaymentSucceeded", otn)).isEqualTo(1);
        List<DomainEvent> events = com.redpacket.payment.PaymentEvents.of(otn, 1, Duration.ofSeconds(15));
        assertThat(events).hasSize(1).first().isInstanceOfSatisfying(PaymentSucceeded.class, e -> {
            assertThat(e.transactionId()).isEqualTo(transactionId);
            assertThat(e.purpose()).isEqualTo(PaymentPurpose.PACKET);
            assertThat(e.referenceId()).isEqualTo(packetId);
            assertThat(e.userId()).isEqualTo(77);
            assertThat(e.amount()).isEqualTo(1234);
            assertThat(e.partitionKey()).isEqualTo(Long.toString(packetId));
        });
    }

    @Test
    void fiveConcurrentDuplicatesAreAcknowledgedAndPublishOnce() throws Exception {
        double accepted = notifications("accepted", "none");
        double duplicates = notifications("duplicate", "none");
        String otn = openOrder("PACKET", newReferenceId(), 78, 500, "APP").get("outTradeNo").asString();
        String body = body("TRANSACTION.SUCCESS", "transaction",
                paidTransaction(otn, SignedNotifications.newTransactionId(), 500));
        List<Future<TestHttp.Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
            for (int i = 0; i < 5; i++) {
                // each retry of WeChat Pay is signed afresh: same body, new timestamp, nonce and signature
                answers.add(pool.submit(() -> post(signed(body))));
            }
            for (Future<TestHttp.Answer> answer : answers) {
                assertThat(answer.get().status()).isEqualTo(204);
            }
        }
        assertThat(orderStatus(otn)).isEqualTo("SUCCEEDED");
        assertThat(outboxCount("PaymentSucceeded", otn)).isEqualTo(1);
        assertThat(com.redpacket.payment.PaymentEvents.of(otn, 1, Duration.ofSeconds(15))).hasSize(1);
        assertThat(notifications("accepted", "none")).isEqualTo(accepted + 1);
        assertThat(notifications("duplicate", "none")).isEqualTo(duplicates + 4);
    }

    @Test
    void aTamperedCiphertextIsRefusedWhetherOrNotItIsSignedAgain() {
        String otn = openOrder("PACKET", newReferenceId(), 79, 300, "NATIVE").get("outTradeNo").asString();
        Notification genuine = signed(body("TRANSACTION.SUCCESS", "transaction",
                paidTransaction(otn, SignedNotifications.newTransactionId(), 300)));
        String tampered = flipCiphertext(genuine.bodyText());

        refused(post(new Notification(genuine.headers(), tampered.getBytes())), 401, otn);
        // even a correctly signed body (say, a key mix-up on our side) whose resource does not decrypt is refused
        refused(post(signed(tampered)), 400, otn);
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        String otn = openOrder("PACKET", newReferenceId(), 80, 300, "NATIVE").get("outTradeNo").asString();
        String body = body("TRANSACTION.SUCCESS", "transaction",
                paidTransaction(otn, SignedNotifications.newTransactionId(), 300));
        refused(post(signed(body, Instant.now(), KEYS.publicKeyId(), KEYS.merchantKey())), 401, otn);
    }

    @Test
    void anUnknownSerialIsRefused() {
        String otn = openOrder("PACKET", newReferenceId(), 81, 300, "NATIVE").get("outTradeNo").asString();
        String body = body("TRANSACTION.SUCCESS", "transaction",
                paidTransaction(otn, SignedNotifications.newTransactionId(), 300));
        double before = rejected("serial");
        refused(post(signed(body, Instant.now(), "PUB_KEY_ID_0000000000000000000000", KEYS.platformKey())), 401, otn);
        assertThat(rejected("serial")).isEqualTo(before + 1);
    }

    @Test
    void aTimestampTenMinutesOldIsRefusedEvenWhenCorrectlySigned() {
        String otn = openOrder("PACKET", newReferenceId(), 82, 300, "NATIVE").get("outTradeNo").asString();
        String body = body("TRANSACTION.SUCCESS", "transaction",
                paidTransaction(otn, SignedNotifications.newTransactionId(), 300));
        double before = rejected("timestamp");
        refused(post(signed(body, Instant.now().minus(Duration.ofMinutes(10)), KEYS.publicKeyId(), KEYS.platformKey())),
                401, otn);
        refused(post(signed(body, Instant.now().plus(Duration.ofMinutes(10)), KEYS.publicKeyId(), KEYS.platformKey())),
                401, otn);
        assertThat(rejected("timestamp")).isEqualTo(before + 2);
    }

    @Test
    void aGenuineNotificationThatDisagreesWithTheOrderIsRefusedAlertedAndNeverCredited() {
        String otn = openOrder("PACKET", newReferenceId(), 83, 300, "NATIVE").get("outTradeNo").asString();
        double alerts = meters.counter("redpacket.payment.alerts", "kind", "payment-mismatch").count();

        Map<String, Object> wrongAmount = paidTransaction(otn, SignedNotifications.newTransactionId(), 30_000);
        refused(post(signed(body("TRANSACTION.SUCCESS", "transaction", wrongAmount))), 400, otn);
        Map<String, Object> wrongMerchant = paidTransaction(otn, SignedNotifications.newTransactionId(), 300);
        wrongMerchant.put("mchid", "1900000999");
        refused(post(signed(body("TRANSACTION.SUCCESS", "transaction", wrongMerchant))), 400, otn);
        Map<String, Object> wrongApp = paidTransaction(otn, SignedNotifications.newTransactionId(), 300);
        wrongApp.put("appid", "wx0000000000000000");
        refused(post(signed(body("TRANSACTION.SUCCESS", "transaction", wrongApp))), 400, otn);

        assertThat(meters.counter("redpacket.payment.alerts", "kind", "payment-mismatch").count()).isEqualTo(alerts + 3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wechat_transaction WHERE out_trade_no = :otn").param("otn", otn)
                .query(Long.class).single()).isZero();
    }

    @Test
    void moneyForAnUnknownOrderIsRefusedSoThatWechatPayKeepsTelling() {
        String otn = "P9999999999999999999";
        TestHttp.Answer answer = post(signed(body("TRANSACTION.SUCCESS", "transaction",
                paidTransaction(otn, SignedNotifications.newTransactionId(), 300))));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asString()).isEqualTo("FAIL");
    }

    @Test
    void somethingThatIsNotANotificationIsRefusedWithTheFailBody() {
        Notification notJson = signed("{\"event_type\":");
        TestHttp.Answer answer = post(notJson);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asString()).isEqualTo("FAIL");
        TestHttp.Answer noHeaders = SERVICE.post(PATH, "{}", Map.of());
        assertThat(noHeaders.status()).isEqualTo(400);
        assertThat(noHeaders.json().get("code").asString()).isEqualTo("FAIL");
    }

    @Test
    void eventsWeDoNotActOnAreAcknowledgedOnceVerified() {
        TestHttp.Answer answer = post(signed(body("TRANSACTION.CLOSED_BY_PAYER", "transaction", Map.of("any", "thing"))));
        assertThat(answer.status()).isEqualTo(204);
    }

    private void refused(TestHttp.Answer answer, int status, String otn) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("code").asString()).isEqualTo("FAIL");
        assertThat(answer.json().get("message").asString()).isNotBlank();
        assertThat(orderStatus(otn)).isEqualTo("PENDING");
        assertThat(outboxCount("PaymentSucceeded", otn)).isZero();
    }

    private double rejected(String reason) {
        return notifications("refused", reason);
    }

    private double notifications(String result, String reason) {
        return meters.counter("redpacket.payment.notifications", "result", result, "reason", reason).count();
    }

    private static TestHttp.Answer post(Notification notification) {
        return SERVICE.post(PATH, notification.body(), notification.headers());
    }

    private static String flipCiphertext(String body) {
        var root = (tools.jackson.databind.node.ObjectNode) TestHttp.JSON.readTree(body);
        var resource = (tools.jackson.databind.node.ObjectNode) root.get("resource");
        String ciphertext = resource.get("ciphertext").asString();
        char first = ciphertext.charAt(0);
        resource.put("ciphertext", (first == 'A' ? 'B' : 'A') + ciphertext.substring(1));
        return TestHttp.JSON.writeValueAsString(root);
    }
}
