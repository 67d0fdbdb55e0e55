package com.redpacket.e2e.packets;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.payment.Emulator;
import com.redpacket.e2e.support.Groups;
import com.redpacket.e2e.support.TestGroup;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import com.redpacket.e2e.support.Wallets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.redpacket.e2e.packets.Packets.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * ARCHITECTURE.md "Expire" end to end: what nobody grabbed goes back to the sender's wallet once, a grab after the
 * expiry is told EXPIRED, and a WeChat Pay packet that expired before WeChat Pay confirmed it is refunded when the
 * (late) payment arrives, with the grabs made on the app's word credited then. Packets live 24 hours by default, so
 * this class runs only against a packet-service restarted with a short {@code redpacket.packet.ttl} (tag
 * {@code short-ttl}; .ci/run's expiry phase, or by hand:
 * {@code REDPACKET_PACKET_TTL=30s REDPACKET_PACKET_EXPIRY_SCAN_INTERVAL=2s dev/restart packet-service}).
 */
@Tag("short-ttl")
class ExpiryE2E {
    private static final Duration LONGEST_TTL = Duration.ofMinutes(2);
    private static final long TOP_UP = 5_000;

    @Test
    void whatNobodyGrabbedGoesBackToTheSenderOnceAndLateGrabsAreRefused() {
        TestUser sender = Users.register("过期了");
        TestUser alice = Users.register();
        TestUser bob = Users.register();
        TestGroup group = Groups.create(sender, alice, bob);
        Wallets.topUp(sender, TOP_UP);

        JsonNode lucky = send(sender, Map.of("type", "GROUP_LUCKY", "groupId", group.id(), "count", 3,
                "totalAmount", 900, "payChannel", "BALANCE"));
        JsonNode exclusive = send(sender, Map.of("type", "EXCLUSIVE", "groupId", group.id(), "receiverId", bob.id(),
                "totalAmount", 200, "payChannel", "BALANCE"));
        JsonNode wechat = send(sender, Map.of("type", "GROUP_EQUAL", "groupId", group.id(), "count", 3,
                "amountEach", 100, "payChannel", "WECHAT"));
        Duration ttl = Duration.between(Instant.parse(lucky.get("createdAt").asString()),
                Instant.parse(lucky.get("expiresAt").asString()));
        assertThat(ttl).as("packet-service must run with a short redpacket.packet.ttl for this class (see its javadoc)")
                .isLessThanOrEqualTo(LONGEST_TTL);
        String luckyId = lucky.get("id").asString();
        String exclusiveId = exclusive.get("id").asString();
        String wechatId = wechat.get("id").asString();
        assertThat(GATEWAY.post("/api/packets/" + wechatId + "/client-paid", sender.token(), null).status())
                .isEqualTo(200);

        long aliceLucky = grab(luckyId, alice).get("amount").asLong();
        assertThat(grab(wechatId, alice).get("outcome").asString()).isEqualTo("GRABBED");
        Duration patience = ttl.plus(Duration.ofSeconds(60));
        for (String id : List.of(luckyId, exclusiveId, wechatId)) {
            await().atMost(patience).until(() -> Packets.detail(id, sender).get("status").asString().equals("EXPIRED"));
        }

        assertThat(grab(luckyId, bob).get("outcome").asString()).isEqualTo("EXPIRED");
        assertThat(grab(exclusiveId, bob).get("outcome").asString()).isEqualTo("EXPIRED");
        JsonNode luckyDetail = Packets.detail(luckyId, sender);
        assertThat(luckyDetail.get("grabbedCount").asInt()).isEqualTo(1);
        assertThat(luckyDetail.get("refundedAmount").asLong()).isEqualTo(900 - aliceLucky);
        assertThat(Packets.detail(exclusiveId, sender).get("refundedAmount").asLong()).isEqualTo(200);
        long afterRefunds = TOP_UP - 900 - 200 + (900 - aliceLucky) + 200;
        await().atMost(Duration.ofSeconds(30)).until(() -> Wallets.balance(sender) == afterRefunds);
        assertThat(Wallets.entries(sender, 10).stream().filter(e -> e.get("kind").asString().equals("PACKET_REFUND"))
                .map(e -> e.get("refId").asString())).containsExactlyInAnyOrder(luckyId, exclusiveId);

        // the WeChat packet expired on the app's word alone: its grab waits for the money, nothing is refunded yet
        JsonNode expiredUnpaid = Packets.detail(wechatId, sender);
        assertThat(expiredUnpaid.get("payStatus").asInt()).isEqualTo(2);
        assertThat(expiredUnpaid.get("refundedAmount").asLong()).isEqualTo(200);
        assertThat(Wallets.balance(alice)).isEqualTo(aliceLucky);

        Emulator.pay(wechat.get("payment").get("outTradeNo").asString(), "?duplicates=2");
        await().atMost(Duration.ofSeconds(30)).until(() -> Wallets.balance(alice) == aliceLucky + 100);
        await().atMost(Duration.ofSeconds(30)).until(() -> Wallets.balance(sender) == afterRefunds + 200);
        JsonNode paidLate = Packets.detail(wechatId, sender);
        assertThat(paidLate.get("payStatus").asInt()).isEqualTo(1);
        assertThat(paidLate.get("status").asString()).isEqualTo("EXPIRED");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> Wallets.balance(sender) == afterRefunds + 200 && Wallets.balance(alice) == aliceLucky + 100);
    }

    private static JsonNode send(TestUser sender, Map<String, Object> body) {
        Api.Answer sent = GATEWAY.post("/api/packets", sender.token(), body);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        return sent.json();
    }

    private static JsonNode grab(String packetId, TestUser user) {
        Api.Answer answer = GATEWAY.post("/api/packets/" + packetId + "/grab", user.token(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }
}
