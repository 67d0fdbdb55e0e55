package com.redpacket.packet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Limits": every limit and malformed body is a 400 naming the field, and nothing is written. */
class SendValidationIT extends AbstractPacketIT {
    private long sender;
    private long receiver;
    private long group;

    @BeforeEach
    void users() {
        sender = newUser();
        receiver = newUser();
        group = newUser();
        peers.groups.put(group, List.of(sender, receiver));
        peers.balances.put(sender, 10_000_000L);
    }

    @Test
    void everyLimitIsA400NamingItsFieldAndWritesNothing() {
        Map<String, Object> lucky = Sends.lucky(group, 10, 1_000);
        Map<String, Object> single = Sends.single(receiver, 100);
        Map<String, Object> equal = Sends.equal(group, 2, 100);
        List<Case> cases = List.of(
                new Case(Sends.with(lucky, "count", 0), "count"),
                new Case(Sends.with(lucky, "count", 101), "count"),
                new Case(Sends.with(lucky, "count", null), "count"),
                new Case(Sends.with(lucky, "totalAmount", 9), "totalAmount"),
                new Case(Sends.with(lucky, "totalAmount", 200_001), "totalAmount"),
                new Case(Sends.with(lucky, "totalAmount", null), "totalAmount"),
                new Case(Sends.with(lucky, "totalAmount", -5), "totalAmount"),
                new Case(Sends.with(single, "totalAmount", 0), "totalAmount"),
                new Case(Sends.with(single, "totalAmount", 20_001), "totalAmount"),
                new Case(Sends.with(single, "count", 2), "count"),
                new Case(Sends.with(equal, "amountEach", 20_001), "amountEach"),
                new Case(Sends.with(equal, "amountEach", 0), "amountEach"),
                new Case(Sends.with(equal, "amountEach", null), "amountEach"),
                new Case(Sends.with(equal, "totalAmount", 201), "totalAmount"),
                new Case(Sends.with(lucky, "amountEach", 100), "amountEach"),
                new Case(Sends.with(lucky, "greeting", "福".repeat(26)), "greeting"),
                new Case(Sends.with(lucky, "greeting", "😀".repeat(26)), "greeting"),
                new Case(Sends.with(lucky, "greeting", "hi\u0000there"), "greeting"),
                new Case(Sends.with(lucky, "type", "GROUP_RANDOM"), "type"),
                new Case(Sends.with(lucky, "type", null), "type"),
                new Case(Sends.with(lucky, "payChannel", "ALIPAY"), "payChannel"),
                new Case(Sends.with(lucky, "payChannel", null), "payChannel"),
                new Case(Sends.with(lucky, "wechatChannel", "NATIVE"), "wechatChannel"),
                new Case(Sends.with(lucky, "payChannel", "WECHAT", "wechatChannel", "H5"), "wechatChannel"),
                new Case(Sends.with(lucky, "payChannel", "WECHAT", "wechatChannel", "JSAPI"), "payerOpenId"),
                new Case(Sends.with(lucky, "groupId", null), "groupId"),
                new Case(Sends.with(lucky, "groupId", "abc"), "groupId"),
                new Case(Sends.with(lucky, "groupId", "-3"), "groupId"),
                new Case(Sends.with(lucky, "groupId", "999999999999"), "groupId"),
                new Case(Sends.with(lucky, "receiverId", Long.toString(receiver)), "receiverId"),
                new Case(Sends.with(single, "receiverId", Long.toString(sender)), "receiverId"),
                new Case(Sends.with(single, "receiverId", null), "receiverId"),
                new Case(Sends.with(single, "groupId", Long.toString(group)), "groupId"),
                new Case(Sends.exclusive(group, newUser(), 100), "receiverId"),
                new Case(Sends.with(Sends.exclusive(group, receiver, 100), "groupId", null), "groupId"),
                new Case(Sends.with(lucky, "count", "10"), "count"),
                new Case(Sends.with(lucky, "totalAmount", 10.5), "totalAmount"),
                new Case(Sends.with(lucky, "totalAmount", "1000"), "totalAmount"),
                new Case("{\"type\":\"GROUP_LUCKY\",", "body"),
                new Case("[1,2]", "body"),
                new Case("", "body"));
        long packetsBefore = count("SELECT COUNT(*) FROM red_packet");
        long sharesBefore = count("SELECT COUNT(*) FROM red_packet_log");
        long keysBefore = count("SELECT COUNT(*) FROM idempotency_record");
        int debitsBefore = peers.debitCalls.get();
        List<String> failures = new ArrayList<>();
        int i = 0;
        for (Case c : cases) {
            Http.Answer answer = http.post("/api/packets", sender, c.body(), Map.of("Idempotency-Key", "bad-" + i++));
            if (answer.status() != 400 || !answer.code().equals("VALIDATION_FAILED")
                    || !fields(answer.json()).contains(c.field())) {
                failures.add(c.field() + " ← " + c.body() + ": " + answer.status() + " " + answer.body());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM red_packet")).isEqualTo(packetsBefore);
        assertThat(count("SELECT COUNT(*) FROM red_packet_log")).isEqualTo(sharesBefore);
        assertThat(count("SELECT COUNT(*) FROM idempotency_record")).isEqualTo(keysBefore);
        assertThat(peers.debitCalls.get()).isEqualTo(debitsBefore);
    }

    @Test
    void theSenderMustBeAMemberOfTheGroup() {
        long outsider = newUser();
        Http.Answer answer = http.post("/api/packets", outsider, Sends.lucky(group, 2, 100));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer.json())).containsExactly("groupId");
    }

    @Test
    void aMalformedIdempotencyKeyAndAMissingCallerAreRefused() {
        Http.Answer badKey = http.post("/api/packets", sender, Sends.lucky(group, 2, 100),
                Map.of("Idempotency-Key", "has space"));
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(fields(badKey.json())).containsExactly("Idempotency-Key");
        assertThat(http.post("/api/packets", null, Sends.lucky(group, 2, 100)).status()).isEqualTo(401);
    }

    @Test
    void theLimitsAtTheirEdgesAreAccepted() {
        peers.groups.put(group, bigGroup(100));
        assertThat(http.post("/api/packets", sender, Sends.lucky(group, 100, 2_000_000)).status()).isEqualTo(201);
        assertThat(http.post("/api/packets", sender, Sends.lucky(group, 100, 100)).status()).isEqualTo(201);
        assertThat(http.post("/api/packets", sender, Sends.with(Sends.single(receiver, 20_000), "greeting",
                "😀".repeat(25))).status()).isEqualTo(201);
    }

    private List<Long> bigGroup(int size) {
        List<Long> members = new ArrayList<>(List.of(sender, receiver));
        while (members.size() < size) {
            members.add(newUser());
        }
        return members;
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsString("field");
    }

    private record Case(Object body, String field) {
    }
}
