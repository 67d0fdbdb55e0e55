package com.redpacket.e2e.packets;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.Groups;
import com.redpacket.e2e.support.TestGroup;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.redpacket.e2e.packets.Packets.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;

/** A packet's life as the app sees it, everything through the gateway (API.md "Red packets"). */
class PacketLifecycleE2E {

    @Test
    void sendConfirmGrabAndReadAsTheAppDoes() {
        TestUser sender = Users.register();
        TestUser alice = Users.register();
        TestUser bob = Users.register();
        TestUser stranger = Users.register();
        TestGroup group = Groups.create(sender, alice, bob);

        Api.Answer sent = GATEWAY.post("/api/packets", sender.token(), Packets.lucky(group.id(), 2, 300, "WECHAT"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        String packet = sent.json().get("id").asString();
        assertThat(sent.json().get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(sent.json().get("payment").get("codeUrl").asString()).isNotBlank();
        assertThat(grab(packet, alice).json().get("outcome").asString()).isEqualTo("NOT_PAYABLE_YET");
        assertThat(GATEWAY.post("/api/packets/" + packet + "/client-paid", alice.token(), null).status())
                .as("only the sender confirms").isEqualTo(404);
        assertThat(GATEWAY.post("/api/packets/" + packet + "/client-paid", sender.token(), null).status())
                .isEqualTo(200);

        JsonNode grabbed = grab(packet, alice).json();
        assertThat(grabbed.get("outcome").asString()).isEqualTo("GRABBED");
        long amount = grabbed.get("amount").asLong();
        JsonNode again = grab(packet, alice).json();
        assertThat(again.get("outcome").asString()).isEqualTo("ALREADY_GRABBED");
        assertThat(again.get("amount").asLong()).isEqualTo(amount);
        Api.Answer outsider = grab(packet, stranger);
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.json().get("code").asString()).isEqualTo("NOT_IN_AUDIENCE");
        assertThat(grab(packet, bob).json().get("amount").asLong()).isEqualTo(300 - amount);
        assertThat(grab(packet, sender).json().get("outcome").asString()).isEqualTo("SOLD_OUT");
        assertThat(GATEWAY.post("/api/packets/424242/grab", alice.token(), null).status()).isEqualTo(404);

        JsonNode detail = Packets.detail(packet, alice);
        assertThat(detail.get("status").asString()).isEqualTo("FINISHED");
        assertThat(detail.get("payStatus").asInt()).isEqualTo(2);
        assertThat(detail.get("claims").findValuesAsString("userId")).containsExactly(alice.id(), bob.id());
        assertThat(detail.get("bestLuckUserId").asString()).isIn(alice.id(), bob.id());
        assertThat(GATEWAY.get("/api/packets/" + packet, stranger.token()).status()).isEqualTo(404);

        JsonNode sentList = GATEWAY.get("/api/packets/sent?limit=1", sender.token()).json();
        assertThat(sentList.get("items").get(0).get("id").asString()).isEqualTo(packet);
        assertThat(sentList.get("count").asLong()).isEqualTo(1);
        assertThat(sentList.get("totalAmount").asLong()).isEqualTo(300);
        JsonNode received = GATEWAY.get("/api/packets/received", alice.token()).json();
        assertThat(received.get("items").get(0).get("packetId").asString()).isEqualTo(packet);
        assertThat(received.get("totalAmount").asLong()).isEqualTo(amount);
    }

    @Test
    void badSendsAre400sNamingTheFieldAndLeaveNothing() {
        TestUser sender = Users.register();
        TestUser friend = Users.register();
        TestGroup group = Groups.create(sender, friend);
        Map<String, Object> good = Packets.lucky(group.id(), 2, 300, "WECHAT");
        List<Map.Entry<Map<String, Object>, String>> cases = List.of(
                Map.entry(with(good, "count", 101), "count"),
                Map.entry(with(good, "totalAmount", 1), "totalAmount"),
                Map.entry(with(good, "totalAmount", 40_001), "totalAmount"),
                Map.entry(with(good, "greeting", "红".repeat(26)), "greeting"),
                Map.entry(with(good, "type", "SINGLE"), "receiverId"),
                Map.entry(with(good, "payChannel", "CASH"), "payChannel"));
        for (var c : cases) {
            Api.Answer answer = GATEWAY.post("/api/packets", sender.token(), c.getKey());
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
            assertThat(answer.json().get("errors").findValuesAsString("field")).contains(c.getValue());
        }
        Api.Answer malformed = GATEWAY.post("/api/packets", sender.token(), "{\"type\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(GATEWAY.get("/api/packets/sent", sender.token()).json().get("items")).isEmpty();
    }

    @Test
    void aBalanceSendFromAnEmptyWalletIs409AndLeavesNoPacket() {
        TestUser sender = Users.register();
        TestUser friend = Users.register();
        Api.Answer answer = GATEWAY.post("/api/packets", sender.token(),
                Map.of("type", "SINGLE", "receiverId", friend.id(), "totalAmount", 100, "payChannel", "BALANCE"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
        assertThat(answer.json().get("code").asString()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(GATEWAY.get("/api/packets/sent", sender.token()).json().get("items")).isEmpty();
    }

    @Test
    void tenConcurrentSendsWithOneIdempotencyKeyMakeOnePacket() throws Exception {
        TestUser sender = Users.register();
        TestUser friend = Users.register();
        TestGroup group = Groups.create(sender, friend);
        Map<String, Object> body = Packets.lucky(group.id(), 2, 500, "WECHAT");
        Map<String, String> key = Map.of("Idempotency-Key", "e2e-" + sender.id());

        List<Api.Answer> answers = Packets.atOnce(10, i -> GATEWAY.post("/api/packets", sender.token(), body, key));

        Set<String> ids = new HashSet<>();
        for (Api.Answer a : answers) {
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            ids.add(a.json().get("id").asString());
        }
        assertThat(ids).hasSize(1);
        assertThat(GATEWAY.get("/api/packets/sent", sender.token()).json().get("items")).hasSize(1);
        Api.Answer reused = GATEWAY.post("/api/packets", sender.token(), with(body, "totalAmount", 501), key);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    private static Api.Answer grab(String packet, TestUser user) {
        return GATEWAY.post("/api/packets/" + packet + "/grab", user.token(), null);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
