package com.redpacket.e2e.payment;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.Groups;
import com.redpacket.e2e.support.TestGroup;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The seed's timing problem end to end (ARCHITECTURE.md "Pay status"): a packet paid with WeChat Pay is grabbed on
 * the app's word (client-paid) and credited only once WeChat Pay's notification proves the money, whichever comes
 * first; an order never paid is closed by the active query and nothing is ever credited.
 */
class WechatPacketE2E {
    private static final long SHARE = 100;
    private final Api api = Api.gateway();

    @Test
    void grabsMadeOnTheAppsWordAreCreditedOnceWhenWechatPayConfirms() {
        Party party = party();
        Sent sent = send(party);
        String packetId = sent.packetId();
        String outTradeNo = sent.outTradeNo();

        assertThat(clientPaid(party.sender(), packetId).get("payStatus").asInt()).isEqualTo(2);
        for (TestUser grabber : party.grabbers()) {
            assertThat(grab(grabber, packetId).get("outcome").asString()).isEqualTo("GRABBED");
        }
        // grabbed, not credited: no proof of money yet
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> party.grabbers().stream().allMatch(g -> balance(g) == 0));

        Emulator.pay(outTradeNo, "?duplicates=3");

        await().atMost(Duration.ofSeconds(30)).until(() -> detail(party.sender(), packetId).get("payStatus").asInt() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> party.grabbers().stream().allMatch(g -> balance(g) == SHARE));
        await().atMost(Duration.ofSeconds(30)).until(() -> detail(party.sender(), packetId).get("claims")
                .findValues("credited").stream().allMatch(JsonNode::asBoolean));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> party.grabbers().stream().allMatch(g -> balance(g) == SHARE));
    }

    @Test
    void aNotificationBeforeTheAppsCallbackArmsThePacketAndEveryGrabIsCredited() {
        Party party = party();
        Sent sent = send(party);
        String packetId = sent.packetId();

        Emulator.pay(sent.outTradeNo(), "");
        await().atMost(Duration.ofSeconds(30)).until(() -> detail(party.sender(), packetId).get("payStatus").asInt() == 1);
        assertThat(clientPaid(party.sender(), packetId).get("payStatus").asInt()).isEqualTo(1);

        for (TestUser grabber : party.grabbers()) {
            assertThat(grab(grabber, packetId).get("outcome").asString()).isEqualTo("GRABBED");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> party.grabbers().stream().allMatch(g -> balance(g) == SHARE));
    }

    @Test
    void anOrderNeverPaidIsClosedAndItsGrabsAreNeverCredited() {
        Party party = party();
        Sent sent = send(party);
        String packetId = sent.packetId();
        String outTradeNo = sent.outTradeNo();
        clientPaid(party.sender(), packetId);
        TestUser early = party.grabbers().getFirst();
        assertThat(grab(early, packetId).get("outcome").asString()).isEqualTo("GRABBED");

        OrderClock.expireNow(outTradeNo);

        await().atMost(Duration.ofSeconds(60)).until(() -> Emulator.tradeState(outTradeNo).equals("CLOSED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !detail(party.sender(), packetId).get("status").asString()
                .equals("ACTIVE"));
        assertThat(detail(party.sender(), packetId).get("payStatus").asInt()).isNotEqualTo(1);
        assertThat(Api.emulator().post("/emulator/transactions/" + outTradeNo + "/pay", null, null).status())
                .isEqualTo(409);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> balance(early) == 0);
        assertThat(balance(party.sender())).isZero();
    }

    private record Party(TestUser sender, List<TestUser> grabbers, TestGroup group) {
    }

    /** A WECHAT packet as sent: its id and the WeChat Pay order to pay it with. */
    private record Sent(String packetId, String outTradeNo) {
    }

    private static Party party() {
        TestUser sender = Users.register("发红包的");
        List<TestUser> grabbers = List.of(Users.register(), Users.register(), Users.register());
        TestGroup group = Groups.create(sender, grabbers.toArray(TestUser[]::new));
        return new Party(sender, grabbers, group);
    }

    private Sent send(Party party) {
        Api.Answer sent = api.post("/api/packets", party.sender().token(), Map.of("type", "GROUP_EQUAL", "count", 3,
                "amountEach", SHARE, "greeting", "恭喜发财", "groupId", party.group().id(), "payChannel", "WECHAT"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        JsonNode packet = sent.json();
        assertThat(packet.get("payStatus").asInt()).isZero();
        assertThat(packet.get("payment").get("codeUrl").asString()).startsWith("weixin://");
        return new Sent(packet.get("id").asString(), packet.get("payment").get("outTradeNo").asString());
    }

    private JsonNode clientPaid(TestUser sender, String packetId) {
        Api.Answer answer = api.post("/api/packets/" + packetId + "/client-paid", sender.token(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode grab(TestUser user, String packetId) {
        Api.Answer answer = api.post("/api/packets/" + packetId + "/grab", user.token(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode detail(TestUser user, String packetId) {
        Api.Answer answer = api.get("/api/packets/" + packetId, user.token());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private long balance(TestUser user) {
        Api.Answer wallet = api.get("/api/wallet", user.token());
        assertThat(wallet.status()).as(wallet.body()).isEqualTo(200);
        return wallet.json().get("balance").asLong();
    }
}
