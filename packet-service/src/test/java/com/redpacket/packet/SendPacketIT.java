package com.redpacket.packet;

import com.redpacket.packet.send.UnpaidPacketRecovery;
import com.redpacket.packet.store.Packet;
import com.redpacket.packet.store.PacketRepository;
import com.redpacket.packet.store.PacketStatus;
import com.redpacket.packet.store.PacketType;
import com.redpacket.packet.store.PayChannel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

class SendPacketIT extends AbstractPacketIT {
    @Autowired
    UnpaidPacketRecovery recovery;
    @Autowired
    PacketRepository packets;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aLuckyBalancePacketIsSplitDebitedOnceAndArmed() {
        long sender = newUser();
        long group = group(sender, 5);
        peers.balances.put(sender, 10_000L);

        Http.Answer answer = http.post("/api/packets", sender, Sends.lucky(group, 5, 1_000));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        JsonNode packet = answer.json();
        long id = Long.parseLong(packet.get("id").asString());
        assertThat(packet.get("senderId").asString()).isEqualTo(Long.toString(sender));
        assertThat(packet.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(packet.get("payStatus").asInt()).isEqualTo(1);
        assertThat(packet.get("grabbedCount").asInt()).isZero();
        assertThat(packet.get("claims")).isEmpty();
        assertThat(Instant.parse(packet.get("expiresAt").asString()))
                .isEqualTo(Instant.parse(packet.get("createdAt").asString()).plus(24, ChronoUnit.HOURS));
        assertThat(count("SELECT COUNT(*) FROM red_packet_log WHERE packet_id = ?", id)).isEqualTo(5);
        assertThat(count("SELECT SUM(amount) FROM red_packet_log WHERE packet_id = ?", id)).isEqualTo(1_000);
        assertThat(count("SELECT MIN(amount) FROM red_packet_log WHERE packet_id = ?", id)).isGreaterThanOrEqualTo(1);
        assertThat(peers.debits.get(id).amount()).isEqualTo(1_000);
        assertThat(peers.balances.get(sender)).isEqualTo(9_000);
        assertThat(peers.arms).filteredOn(a -> a.packetId() == id).singleElement().satisfies(arm -> {
            assertThat(arm.freeSeqs()).containsExactly(1, 2, 3, 4, 5);
            assertThat(arm.groupId()).isEqualTo(group);
            assertThat(arm.receiverId()).isNull();
            assertThat(arm.claims()).isEmpty();
        });
    }

    @Test
    void singleExclusiveAndEqualPacketsAreSent() {
        long sender = newUser();
        long receiver = newUser();
        long group = groupWith(sender, receiver);
        peers.balances.put(sender, 100_000L);

        JsonNode single = created(http.post("/api/packets", sender, Sends.single(receiver, 520)));
        assertThat(single.get("count").asInt()).isEqualTo(1);
        assertThat(single.get("receiverId").asString()).isEqualTo(Long.toString(receiver));
        JsonNode exclusive = created(http.post("/api/packets", sender, Sends.exclusive(group, receiver, 20_000)));
        assertThat(exclusive.get("type").asString()).isEqualTo("EXCLUSIVE");
        JsonNode equal = created(http.post("/api/packets", sender, Sends.equal(group, 2, 888)));
        assertThat(equal.get("totalAmount").asLong()).isEqualTo(1_776);
        long equalId = Long.parseLong(equal.get("id").asString());
        assertThat(jdbc.sql("SELECT amount FROM red_packet_log WHERE packet_id = ?").param(equalId)
                .query(Long.class).list()).containsExactly(888L, 888L);
        assertThat(peers.balances.get(sender)).isEqualTo(100_000 - 520 - 20_000 - 1_776);
    }

    @Test
    void aShortWalletIs409AndLeavesNoPacketBehind() {
        long sender = newUser();
        long group = group(sender, 3);
        peers.balances.put(sender, 999L);

        Http.Answer answer = http.post("/api/packets", sender, Sends.lucky(group, 3, 1_000));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(count("SELECT COUNT(*) FROM red_packet WHERE sender_id = ?", sender)).isZero();
        assertThat(count("SELECT COUNT(*) FROM red_packet_log l LEFT JOIN red_packet p ON p.id = l.packet_id "
                + "WHERE p.id IS NULL")).isZero();
        assertThat(peers.balances.get(sender)).isEqualTo(999L);
        assertThat(http.get("/api/packets/sent", sender).json().get("items")).isEmpty();
    }

    @Test
    void tenConcurrentSendsWithOneKeyMakeOnePacketAndOneDebit() throws Exception {
        long sender = newUser();
        long group = group(sender, 4);
        peers.balances.put(sender, 50_000L);
        Map<String, Object> body = Sends.lucky(group, 4, 4_000);
        Map<String, String> key = Map.of("Idempotency-Key", "send-" + sender);
        int callsBefore = peers.debitCalls.get();

        List<Http.Answer> answers = concurrently(10, () -> http.post("/api/packets", sender, body, key));

        Set<String> ids = ConcurrentHashMap.newKeySet();
        for (Http.Answer a : answers) {
            assertThat(a.status()).as(a.body()).isEqualTo(201);
            ids.add(a.json().get("id").asString());
        }
        assertThat(ids).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM red_packet WHERE sender_id = ?", sender)).isEqualTo(1);
        assertThat(peers.debitCalls.get() - callsBefore).isEqualTo(1);
        assertThat(peers.balances.get(sender)).isEqualTo(46_000L);

        Http.Answer other = http.post("/api/packets", sender, Sends.with(body, "totalAmount", 4_001), key);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(count("SELECT COUNT(*) FROM red_packet WHERE sender_id = ?", sender)).isEqualTo(1);
        assertThat(peers.balances.get(sender)).isEqualTo(46_000L);
    }

    @Test
    void aLostDebitAnswerIsCompletedByTheRetryOnTheSamePacket() {
        long sender = newUser();
        long receiver = newUser();
        peers.balances.put(sender, 5_000L);
        Map<String, String> key = Map.of("Idempotency-Key", "lost-" + sender);
        long reservedId = nextPacketIdAfterLosingTheDebitAnswer(sender, receiver, key);

        assertThat(http.get("/api/packets/" + reservedId, sender).status())
                .as("a reservation is invisible").isEqualTo(404);
        Http.Answer retry = http.post("/api/packets", sender, Sends.single(receiver, 300), key);

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.json().get("id").asString()).isEqualTo(Long.toString(reservedId));
        assertThat(retry.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(peers.balances.get(sender)).as("debited once").isEqualTo(4_700L);
    }

    @Test
    void recoveryFinishesADebitedReservationAndRemovesARefusedOne() {
        long sender = newUser();
        long receiver = newUser();
        peers.balances.put(sender, 5_000L);
        long debited = nextPacketIdAfterLosingTheDebitAnswer(sender, receiver, Map.of());
        long poor = newUser();
        long refused = reserveAsACrashWouldLeaveIt(poor, receiver, 700);
        jdbc.sql("UPDATE red_packet SET created_at = ? WHERE id IN (?, ?)")
                .params(java.sql.Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES)), debited, refused)
                .update();

        assertThat(recovery.recover()).isGreaterThanOrEqualTo(2);

        Packet paid = packets.find(debited).orElseThrow();
        assertThat(paid.status()).isEqualTo(PacketStatus.ACTIVE);
        assertThat(paid.payStatus()).isEqualTo(1);
        assertThat(peers.balances.get(sender)).isEqualTo(4_700L);
        assertThat(peers.armsOf(debited)).isEqualTo(1);
        assertThat(packets.find(refused)).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM red_packet_log WHERE packet_id = ?", refused)).isZero();
    }

    /** A send whose debit went through but whose answer was lost: the packet is left reserved (pay_status 0). */
    private long nextPacketIdAfterLosingTheDebitAnswer(long sender, long receiver, Map<String, String> key) {
        peers.loseNextDebitAnswer.add(sender);
        Http.Answer lost = http.post("/api/packets", sender, Sends.single(receiver, 300), key);
        assertThat(lost.status()).as(lost.body()).isEqualTo(503);
        long id = jdbc.sql("SELECT id FROM red_packet WHERE sender_id = ? ORDER BY id DESC LIMIT 1").param(sender)
                .query(Long.class).single();
        assertThat(packets.find(id).orElseThrow().payStatus()).isZero();
        return id;
    }

    private long reserveAsACrashWouldLeaveIt(long sender, long receiver, long amount) {
        long id = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Packet p = new Packet(id, sender, PacketType.SINGLE, "hi", amount, 1, null, null, receiver, PayChannel.BALANCE,
                null, null, null, 0, PacketStatus.PENDING_PAYMENT, now, now.plus(1, ChronoUnit.DAYS), null, null, null,
                0, null);
        tx.executeWithoutResult(s -> packets.insert(p, new long[]{amount}));
        return id;
    }

    private JsonNode created(Http.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json();
    }
}
