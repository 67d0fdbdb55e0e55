package com.redpacket.payment.notify;

import com.redpacket.payment.AbstractPaymentIT;
import com.redpacket.payment.PaymentEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The emulator pays and notifies as WeChat Pay would; its notifications pass the same checks as any other. */
class EmulatorNotificationIT extends AbstractPaymentIT {

    @Test
    void thePayersPaymentArrivesByNotificationAndIsCreditedOnce() {
        String otn = openOrder("TOPUP", newReferenceId(), 41, 10_000, "APP").get("outTradeNo").asString();
        String transactionId = emulatorPay(otn, "").get("transactionId").asString();

        await().atMost(Duration.ofSeconds(20)).until(() -> orderStatus(otn).equals("SUCCEEDED"));
        assertThat(jdbc.sql("SELECT source FROM wechat_transaction WHERE transaction_id = :tid")
                .param("tid", transactionId).query(String.class).single()).isEqualTo("NOTIFICATION");
        assertThat(PaymentEvents.of(otn, 1, Duration.ofSeconds(15))).hasSize(1);
        JsonNode attempts = EMULATOR_HTTP.get("/emulator/notifications?outTradeNo=" + otn, Map.of()).json();
        assertThat(attempts.findValuesAsString("status")).containsExactly("204");
    }

    @Test
    void notificationsDeliveredThreeTimesCreditOnce() {
        String otn = openOrder("PACKET", newReferenceId(), 42, 300, "NATIVE").get("outTradeNo").asString();
        emulatorPay(otn, "?duplicates=3");

        await().atMost(Duration.ofSeconds(20)).until(() -> EMULATOR_HTTP.get("/emulator/notifications?outTradeNo=" + otn,
                Map.of()).json().size() == 3);
        assertThat(EMULATOR_HTTP.get("/emulator/notifications?outTradeNo=" + otn, Map.of()).json()
                .findValuesAsString("status")).containsOnly("204");
        assertThat(orderStatus(otn)).isEqualTo("SUCCEEDED");
        assertThat(PaymentEvents.of(otn, 1, Duration.ofSeconds(15))).hasSize(1);
    }
}
