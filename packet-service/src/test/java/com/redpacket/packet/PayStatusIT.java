package com.redpacket.packet;

import com.redpacket.contracts.events.ClaimCredited;
import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PacketRefunded;
import com.redpacket.contracts.events.PaymentClosed;
import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.platform.events.EventJson;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * WECHAT packets (ARCHITECTURE.md "Pay status"): the order at payment-service, the app's client-paid (2), WeChat Pay's
 * PaymentSucceeded (1) and PaymentClosed (cancelled), arriving in any order and more than once through the real
 * payment.events topic; and settlement's ClaimCredited / PacketRefunded.
 */
class PayStatusIT extends AbstractPacketIT {
    @Autowired
    KafkaTemplate<String, String> kafka;

    private final EventJson json = new EventJson();

    @Test
    void aWechatSendCreatesTheOrderAndWaitsUnarmed() {
        long sender = newUser();
        long group = group(sender, 2);
        Http.Answer answer = http.post("/api/packets", sender, wechat(group, "NATIVE"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode packet = answer.json();
        long id = Long.parseLong(packet.get("id").asString());
        assertThat(packet.get("payStatus").asInt()).isZero();
        assertThat(packet.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(packet.get("payment").get("outTradeNo").asString()).isEqualTo("P" + id);
        assertThat(packet.get("payment").get("codeUrl").asString()).startsWith("weixin://");
        assertThat(peers.orders.get(id).amount()).isEqualTo(600);
        assertThat(peers.orders.get(id).purpose()).isEqualTo(PaymentPurpose.PACKET);
        assertThat(peers.armsOf(id)).isZero();
        assertThat(claim(id, 1, members(group).get(1)).json().get("outcome").asString()).isEqualTo("NOT_CLAIMABLE");

        Http.Answer jsapi = http.post("/api/packets", sender,
                Sends.with(wechat(group, "JSAPI"), "payerOpenId", "o-payer-1"));
        assertThat(jsapi.json().get("payment").get("prepay").get("prepayId").asString()).startsWith("wx");
    }

    @Test
    void clientPaidArmsThenTheNotificationMakesItPaid() {
        long sender = newUser();
        long group = group(sender, 2);
        long id = sendWechat(sender, group);

        JsonNode confirmed = http.post("/api/packets/" + id + "/client-paid", sender, null).json();
        assertThat(confirmed.get("payStatus").asInt()).isEqualTo(2);
        assertThat(confirmed.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(peers.armsOf(id)).isEqualTo(1);
        assertThat(claim(id, 1, members(group).get(1)).json().get("outcome").asString()).isEqualTo("CLAIMED");
        assertThat(http.post("/api/packets/" + id + "/client-paid", members(group).get(1), null).status())
                .as("only the sender").isEqualTo(404);

        publish(paymentSucceeded(id, sender));
        await().atMost(Duration.ofSeconds(20)).until(() -> payStatus(id) == 1);
        assertThat(http.post("/api/packets/" + id + "/client-paid", sender, null).json().get("payStatus").asInt())
                .as("a late client-paid keeps the stronger fact").isEqualTo(1);
    }

    @Test
    void theNotificationBeforeClientPaidPaysAndArms() {
        long sender = newUser();
        long id = sendWechat(sender, group(sender, 2));

        publish(paymentSucceeded(id, sender));
        publish(paymentSucceeded(id, sender));

        await().atMost(Duration.ofSeconds(20)).until(() -> payStatus(id) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> peers.armsOf(id) == 1);
        assertThat(status(id)).isEqualTo("ACTIVE");
        publish(PaymentClosed.of("P" + id, PaymentPurpose.PACKET, id, sender, 600));
        JsonNode view = http.post("/api/packets/" + id + "/client-paid", sender, null).json();
        assertThat(view.get("payStatus").asInt()).isEqualTo(1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> status(id).equals("ACTIVE"));
    }

    @Test
    void aClosedOrderCancelsTheAppConfirmedPacketAndVoidsItsClaims() {
        long sender = newUser();
        long group = group(sender, 3);
        long id = sendWechat(sender, group);
        http.post("/api/packets/" + id + "/client-paid", sender, null);
        claim(id, 1, members(group).get(1));
        claim(id, 2, members(group).get(2));

        PaymentClosed closed = PaymentClosed.of("P" + id, PaymentPurpose.PACKET, id, sender, 600);
        publish(closed);
        publish(closed);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("CANCELLED"));
        assertThat(count("SELECT COUNT(*) FROM red_packet_log WHERE packet_id = ? AND voided = 1", id)).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> peers.disarms.contains(id));
        assertThat(jdbc.sql("SELECT payload FROM outbox_event WHERE msg_key = ? AND event_type = 'PacketCancelled'")
                .param(Long.toString(id)).query(String.class).list()).singleElement().asString()
                .contains("\"voidedClaims\":2");
        assertThat(claim(id, 3, members(group).get(3)).json().get("outcome").asString()).isEqualTo("NOT_CLAIMABLE");
        assertThat(http.post("/api/packets/" + id + "/client-paid", sender, null).code())
                .isEqualTo("PACKET_STATE_CONFLICT");
        assertThat(http.get("/api/packets/received", members(group).get(1)).json().get("count").asLong()).isZero();
    }

    @Test
    void settlementsCreditAndRefundShowOnThePacket() {
        long sender = newUser();
        long group = group(sender, 2);
        long id = sendPaid(sender, Sends.lucky(group, 2, 200));
        long user = members(group).get(1);
        JsonNode claimed = claim(id, 1, user).json();

        publish(ClaimCredited.of(id, 1, user, claimed.get("amount").asLong()));
        publish(PacketRefunded.of(id, sender, 10));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT is_into_account FROM red_packet_log WHERE packet_id = ? AND seq = 1", id) == 1);
        assertThat(http.get("/api/packets/" + id, user).json().get("claims").get(0).get("credited").asBoolean())
                .isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("SELECT COUNT(*) FROM red_packet WHERE id = ? AND refund_settled_at IS NOT NULL", id) == 1);
    }

    @Test
    void clientPaidOnABalancePacketIsAConflict() {
        long sender = newUser();
        long id = sendPaid(sender, Sends.single(newUser(), 100));
        assertThat(http.post("/api/packets/" + id + "/client-paid", sender, null).code())
                .isEqualTo("PACKET_STATE_CONFLICT");
    }

    private Map<String, Object> wechat(long group, String channel) {
        return Sends.with(Sends.lucky(group, 3, 600), "payChannel", "WECHAT", "wechatChannel", channel);
    }

    private long sendWechat(long sender, long group) {
        Http.Answer answer = http.post("/api/packets", sender, wechat(group, "NATIVE"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return Long.parseLong(answer.json().get("id").asString());
    }

    private static PaymentSucceeded paymentSucceeded(long id, long sender) {
        return PaymentSucceeded.of("P" + id, "wx-tx-" + id, PaymentPurpose.PACKET, id, sender, 600, Instant.now());
    }

    private void publish(DomainEvent event) {
        kafka.send(event.topic(), event.partitionKey(), json.write(event)).join();
    }

    private int payStatus(long id) {
        return (int) count("SELECT pay_status FROM red_packet WHERE id = ?", id);
    }

    private String status(long id) {
        return jdbc.sql("SELECT status FROM red_packet WHERE id = ?").param(id).query(String.class).single();
    }
}
