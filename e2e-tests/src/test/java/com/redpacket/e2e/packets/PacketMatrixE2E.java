package com.redpacket.e2e.packets;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.payment.Emulator;
import com.redpacket.e2e.support.Groups;
import com.redpacket.e2e.support.TestGroup;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import com.redpacket.e2e.support.Wallets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.redpacket.e2e.packets.Packets.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every packet type paid through each pay channel (and each WeChat Pay order kind), through the gateway as the app
 * does it: sent, paid, opened only by its audience, emptied, every share credited once to its grabber's wallet, the
 * sender debited once, and each move in the statements with its kind.
 */
class PacketMatrixE2E {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final long TOP_UP = 5_000;

    /** The people around a packet: its sender, three group members, someone outside. */
    private record Party(TestUser sender, List<TestUser> members, TestUser outsider, TestGroup group) {
    }

    @ParameterizedTest(name = "{0} paid by {1} {2}")
    @CsvSource({
            "SINGLE,      BALANCE, -",
            "GROUP_LUCKY, BALANCE, -",
            "GROUP_EQUAL, BALANCE, -",
            "EXCLUSIVE,   BALANCE, -",
            "SINGLE,      WECHAT,  NATIVE",
            "GROUP_LUCKY, WECHAT,  APP",
            "GROUP_EQUAL, WECHAT,  JSAPI",
            "EXCLUSIVE,   WECHAT,  NATIVE"})
    void sentPaidGrabbedAndCreditedOnce(String type, String payChannel, String wechatChannel) {
        Party party = party();
        if (payChannel.equals("BALANCE")) {
            Wallets.topUp(party.sender(), TOP_UP);
        }
        Map<String, Object> body = body(type, party);
        body.put("payChannel", payChannel);
        if (!wechatChannel.equals("-")) {
            body.put("wechatChannel", wechatChannel);
            body.put("payerOpenId", "o-e2e-" + party.sender().id());
        }
        Api.Answer sent = GATEWAY.post("/api/packets", party.sender().token(), body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonNode packet = sent.json();
        String id = packet.get("id").asString();
        long total = packet.get("totalAmount").asLong();
        assertThat(packet.get("type").asString()).isEqualTo(type);
        assertThat(packet.get("payChannel").asString()).isEqualTo(payChannel);

        if (payChannel.equals("WECHAT")) {
            assertThat(packet.get("payStatus").asInt()).isZero();
            payment(packet.get("payment"), wechatChannel);
            Emulator.pay(packet.get("payment").get("outTradeNo").asString(), "");
            await().atMost(PATIENCE).until(() -> Packets.detail(id, party.sender()).get("payStatus").asInt() == 1);
        } else {
            assertThat(packet.get("payStatus").asInt()).isEqualTo(1);
            assertThat(Wallets.balance(party.sender())).isEqualTo(TOP_UP - total);
        }

        List<TestUser> audience = audience(type, party);
        for (TestUser stranger : strangers(type, party)) {
            Api.Answer refused = grab(id, stranger);
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.json().get("code").asString()).isEqualTo("NOT_IN_AUDIENCE");
        }
        Map<TestUser, Long> shares = new LinkedHashMap<>();
        for (TestUser grabber : audience) {
            JsonNode grabbed = grab(id, grabber).json();
            assertThat(grabbed.get("outcome").asString()).as(grabbed.toString()).isEqualTo("GRABBED");
            shares.put(grabber, grabbed.get("amount").asLong());
        }
        assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(total);
        if (type.startsWith("GROUP")) {
            assertThat(grab(id, party.sender()).json().get("outcome").asString()).isEqualTo("SOLD_OUT");
        }

        shares.forEach((grabber, amount) ->
                await().atMost(PATIENCE).until(() -> Wallets.balance(grabber) == amount));
        await().atMost(PATIENCE).until(() -> Packets.detail(id, party.sender()).get("claims")
                .findValues("credited").stream().allMatch(JsonNode::asBoolean));
        JsonNode detail = Packets.detail(id, party.sender());
        assertThat(detail.get("status").asString()).isEqualTo("FINISHED");
        assertThat(detail.get("grabbedCount").asInt()).isEqualTo(audience.size());
        assertThat(detail.get("grabbedAmount").asLong()).isEqualTo(total);
        assertThat(detail.hasNonNull("finishedAt")).isTrue();
        assertThat(detail.get("claims").findValuesAsString("userId"))
                .containsExactlyInAnyOrderElementsOf(audience.stream().map(TestUser::id).toList());
        if (type.equals("GROUP_LUCKY")) {
            long best = shares.values().stream().mapToLong(Long::longValue).max().orElseThrow();
            assertThat(shares.get(audience.stream().filter(u -> u.id().equals(detail.get("bestLuckUserId").asString()))
                    .findFirst().orElseThrow())).isEqualTo(best);
        } else {
            assertThat(detail.has("bestLuckUserId")).as("only a lucky packet has a best luck").isFalse();
        }

        shares.forEach((grabber, amount) -> assertThat(Wallets.entries(grabber, 10)).singleElement().satisfies(e -> {
            assertThat(e.get("kind").asString()).isEqualTo("PACKET_GRABBED");
            assertThat(e.get("amount").asLong()).isEqualTo(amount);
            assertThat(e.get("refId").asString()).isEqualTo(id);
        }));
        List<String> senderKinds = Wallets.entries(party.sender(), 10).stream().map(e -> e.get("kind").asString()).toList();
        assertThat(senderKinds).isEqualTo(payChannel.equals("BALANCE") ? List.of("PACKET_SENT", "TOPUP") : List.of());
        assertThat(Wallets.balance(party.sender())).isEqualTo(payChannel.equals("BALANCE") ? TOP_UP - total : 0);
    }

    private static Party party() {
        TestUser sender = Users.register("发红包的");
        List<TestUser> members = List.of(Users.register(), Users.register(), Users.register());
        TestUser outsider = Users.register();
        return new Party(sender, members, outsider, Groups.create(sender, members.toArray(TestUser[]::new)));
    }

    private static Map<String, Object> body(String type, Party party) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("greeting", "大吉大利 " + type);
        switch (type) {
            case "SINGLE" -> {
                body.put("receiverId", party.members().getFirst().id());
                body.put("totalAmount", 520);
            }
            case "GROUP_LUCKY" -> {
                body.put("groupId", party.group().id());
                body.put("count", 3);
                body.put("totalAmount", 888);
            }
            case "GROUP_EQUAL" -> {
                body.put("groupId", party.group().id());
                body.put("count", 3);
                body.put("amountEach", 166);
            }
            case "EXCLUSIVE" -> {
                body.put("groupId", party.group().id());
                body.put("receiverId", party.members().get(1).id());
                body.put("totalAmount", 1_314);
            }
            default -> throw new IllegalArgumentException(type);
        }
        return body;
    }

    /** Who may open it: the receiver of a SINGLE or EXCLUSIVE packet, every member for the group ones. */
    private static List<TestUser> audience(String type, Party party) {
        return switch (type) {
            case "SINGLE" -> List.of(party.members().getFirst());
            case "EXCLUSIVE" -> List.of(party.members().get(1));
            default -> party.members();
        };
    }

    /** Who may not: the outsider always; for SINGLE and EXCLUSIVE also the other members. */
    private static List<TestUser> strangers(String type, Party party) {
        List<TestUser> strangers = new ArrayList<>(party.members());
        strangers.removeAll(audience(type, party));
        if (type.startsWith("GROUP")) {
            strangers.clear();
        }
        strangers.add(party.outsider());
        return strangers;
    }

    /** What the app needs to pay: a code for NATIVE, the SDK's signed parameters for APP and JSAPI. */
    private static void payment(JsonNode payment, String wechatChannel) {
        assertThat(payment.get("outTradeNo").asString()).startsWith("P");
        if (wechatChannel.equals("NATIVE")) {
            assertThat(payment.get("codeUrl").asString()).startsWith("weixin://");
            return;
        }
        JsonNode prepay = payment.get("prepay");
        assertThat(prepay).as(payment.toString()).isNotNull();
        if (wechatChannel.equals("APP")) {
            assertThat(prepay.get("prepayId").asString()).isNotBlank();
            assertThat(prepay.get("sign").asString()).isNotBlank();
        } else {
            assertThat(prepay.get("package").asString()).startsWith("prepay_id=");
            assertThat(prepay.get("paySign").asString()).isNotBlank();
        }
    }

    private static Api.Answer grab(String packetId, TestUser user) {
        return GATEWAY.post("/api/packets/" + packetId + "/grab", user.token(), null);
    }
}
