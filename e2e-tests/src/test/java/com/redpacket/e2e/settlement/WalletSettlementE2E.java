package com.redpacket.e2e.settlement;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.Invariants;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Money through the whole system: a WeChat top-up reaches the wallet once, a BALANCE packet debits it, a grab is
 * credited to the grabber's wallet, the statements show each move with its kind, and settlement's invariant report
 * stays green. Through the gateway, as the app calls it; the report directly at settlement-service (internal).
 */
class WalletSettlementE2E {
    private static final Api GATEWAY = Api.gateway();
    private static final Api EMULATOR = Api.emulator();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aTopUpFundsABalancePacketWhoseGrabIsCreditedOnce() {
        TestUser senderUser = Users.register();
        TestUser grabberUser = Users.register();
        String sender = senderUser.token();
        String grabber = grabberUser.token();
        assertThat(GATEWAY.get("/api/wallet", sender).json().get("balance").asLong()).isZero();

        Api.Answer topUp = GATEWAY.post("/api/wallet/topups", sender, Map.of("amount", 1_000, "channel", "NATIVE"),
                Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID()));
        assertThat(topUp.status()).as(topUp.body()).isEqualTo(201);
        String outTradeNo = topUp.json().get("outTradeNo").asString();
        assertThat(EMULATOR.post("/emulator/transactions/" + outTradeNo + "/pay", null, Map.of()).status()).isLessThan(300);
        await().atMost(PATIENCE).until(() -> balance(sender) == 1_000);

        Api.Answer packet = GATEWAY.post("/api/packets", sender, Map.of("type", "SINGLE", "count", 1,
                "totalAmount", 300, "greeting", "e2e", "receiverId", grabberUser.id(), "payChannel", "BALANCE"));
        assertThat(packet.status()).as(packet.body()).isEqualTo(201);
        assertThat(balance(sender)).isEqualTo(700);

        String packetId = packet.json().get("id").asString();
        Api.Answer grab = GATEWAY.post("/api/packets/" + packetId + "/grab", grabber, null);
        assertThat(grab.json().get("outcome").asString()).as(grab.body()).isEqualTo("GRABBED");
        await().atMost(PATIENCE).until(() -> balance(grabber) == 300);

        assertThat(kinds(sender)).containsExactly("PACKET_SENT", "TOPUP");
        assertThat(kinds(grabber)).containsExactly("PACKET_GRABBED");
        JsonNode report = Invariants.report();
        assertThat(report.get("violations")).as(report.toString()).isEmpty();
    }

    @Test
    void aShortWalletCannotSendAndMovesNothing() {
        String sender = Users.register().token();
        TestUser grabber = Users.register();
        Api.Answer refused = GATEWAY.post("/api/packets", sender, Map.of("type", "SINGLE", "count", 1,
                "totalAmount", 100, "greeting", "e2e", "receiverId", grabber.id(), "payChannel", "BALANCE"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(balance(sender)).isZero();
        assertThat(GATEWAY.get("/api/wallet/entries", sender).json().get("items")).isEmpty();
    }

    private static long balance(String token) {
        return GATEWAY.get("/api/wallet", token).json().get("balance").asLong();
    }

    private static List<String> kinds(String token) {
        JsonNode items = GATEWAY.get("/api/wallet/entries?limit=10", token).json().get("items");
        return items.valueStream().map(i -> i.get("kind").asString()).toList();
    }
}
