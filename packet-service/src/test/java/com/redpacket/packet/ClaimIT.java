package com.redpacket.packet;

import com.redpacket.contracts.internal.ClaimRequest;
import com.redpacket.contracts.internal.ClaimResult.Outcome;
import com.redpacket.packet.claim.ClaimService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /internal/packets/{id}/claims}: the conditional update of one share row, with its outbox event. */
class ClaimIT extends AbstractPacketIT {
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ClaimService claims;

    @Test
    void aClaimTakesAFreeShareOnceAndEveryOtherCaseIsNamed() {
        long sender = newUser();
        long group = group(sender, 3);
        long packet = sendPaid(sender, Sends.lucky(group, 3, 300));
        long alice = members(group).get(1);
        long bob = members(group).get(2);
        long seq1Amount = count("SELECT amount FROM red_packet_log WHERE packet_id = ? AND seq = 1", packet);

        JsonNode first = claim(packet, 1, alice).json();
        assertThat(first.get("outcome").asString()).isEqualTo("CLAIMED");
        assertThat(first.get("amount").asLong()).isEqualTo(seq1Amount);
        assertThat(claim(packet, 1, alice).json().get("outcome").asString()).as("a repeat").isEqualTo("CLAIMED");
        JsonNode second = claim(packet, 2, alice).json();
        assertThat(second.get("outcome").asString()).isEqualTo("ALREADY_CLAIMED");
        assertThat(second.get("seq").asInt()).isEqualTo(1);
        assertThat(second.get("amount").asLong()).isEqualTo(seq1Amount);
        assertThat(claim(packet, 1, bob).json().get("outcome").asString()).isEqualTo("SEQ_TAKEN");
        assertThat(claim(packet, 0, bob).status()).isEqualTo(400);
        assertThat(claim(packet, 4, bob).status()).isEqualTo(400);
        assertThat(claim(999_999L, 1, bob).code()).isEqualTo("PACKET_NOT_FOUND");

        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE msg_key = ? AND event_type = 'PacketClaimed'",
                Long.toString(packet))).isEqualTo(1);
        assertThat(jdbc.sql("SELECT payload FROM outbox_event WHERE msg_key = ? AND event_type = 'PacketClaimed'")
                .param(Long.toString(packet)).query(String.class).single())
                .contains("\"receiverId\":" + alice).contains("\"seq\":1").contains("\"amount\":" + seq1Amount);
        assertThat(count("SELECT receiver FROM red_packet_log WHERE packet_id = ? AND seq = 1", packet)).isEqualTo(alice);
    }

    @Test
    void twentyUsersRacingForOneShareLeaveOneWinner() throws Exception {
        long sender = newUser();
        long group = group(sender, 20);
        long packet = sendPaid(sender, Sends.lucky(group, 5, 500));
        AtomicInteger next = new AtomicInteger(1);

        List<String> outcomes = concurrently(20, () -> claim(packet, 3, members(group).get(next.getAndIncrement()))
                .json().get("outcome").asString());

        assertThat(outcomes).filteredOn("CLAIMED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("SEQ_TAKEN"::equals).hasSize(19);
    }

    @Test
    void oneUserClaimingEveryShareAtOnceGetsOne() throws Exception {
        long sender = newUser();
        long group = group(sender, 2);
        long packet = sendPaid(sender, Sends.lucky(group, 10, 1_000));
        long user = members(group).get(1);
        AtomicInteger seq = new AtomicInteger(1);

        List<JsonNode> answers = concurrently(10, () -> claim(packet, seq.getAndIncrement(), user).json());

        assertThat(answers).filteredOn(a -> a.get("outcome").asString().equals("CLAIMED")).hasSize(1);
        assertThat(answers).filteredOn(a -> a.get("outcome").asString().equals("ALREADY_CLAIMED")).hasSize(9);
        assertThat(answers.stream().map(a -> a.get("amount").asLong()).distinct()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM red_packet_log WHERE packet_id = ? AND receiver = ?", packet, user))
                .isEqualTo(1);
    }

    /**
     * A hot packet's claims do not wait for each other: while one user's claim transaction is open (its share row
     * taken, not committed), another user's claim of the same packet completes. A claim that also wrote the packet row
     * (a counter, a status) would wait here for the first one's commit.
     */
    @Test
    void aClaimDoesNotWaitForAnotherUsersOpenClaimOfTheSamePacket() throws Exception {
        long sender = newUser();
        long group = group(sender, 2);
        long packet = sendPaid(sender, Sends.lucky(group, 3, 300));
        long first = members(group).get(2);
        long second = members(group).get(1);
        CompletableFuture<Http.Answer> meanwhile = new CompletableFuture<>();

        tx.executeWithoutResult(status -> {
            // the claim joins this transaction, which stays open until the other user's claim is answered
            assertThat(claims.claim(packet, new ClaimRequest(1, first)).result().outcome()).isEqualTo(Outcome.CLAIMED);
            Thread.ofVirtual().start(() -> meanwhile.complete(claim(packet, 2, second)));
            Http.Answer answer = meanwhile.orTimeout(5, TimeUnit.SECONDS).join();
            assertThat(answer.json().get("outcome").asString()).isEqualTo("CLAIMED");
            status.setRollbackOnly();
        });
        assertThat(meanwhile.get().json().get("seq").asInt()).isEqualTo(2);
    }

    @Test
    void theLastClaimFinishesTheLuckyPacketAndTheEarlierOfTwoBestSharesWins() {
        long sender = newUser();
        long group = group(sender, 3);
        long packet = sendPaid(sender, Sends.lucky(group, 3, 130));
        // fix the shares so that two users tie for the best luck
        jdbc.sql("UPDATE red_packet_log SET amount = CASE seq WHEN 1 THEN 30 ELSE 50 END WHERE packet_id = ?")
                .param(packet).update();
        long early = members(group).get(1);
        long late = members(group).get(2);

        claim(packet, 2, early);
        claim(packet, 3, late);
        assertThat(count("SELECT COUNT(*) FROM red_packet WHERE id = ? AND status = 'ACTIVE'", packet)).isEqualTo(1);
        claim(packet, 1, members(group).get(3));

        JsonNode detail = http.get("/api/packets/" + packet, sender).json();
        assertThat(detail.get("status").asString()).isEqualTo("FINISHED");
        assertThat(detail.get("grabbedCount").asInt()).isEqualTo(3);
        assertThat(detail.get("grabbedAmount").asLong()).isEqualTo(130);
        assertThat(detail.get("bestLuckUserId").asString()).isEqualTo(Long.toString(early));
        Timestamp lastClaim = jdbc.sql("SELECT MAX(grabbed_at) FROM red_packet_log WHERE packet_id = ?").param(packet)
                .query(Timestamp.class).single();
        assertThat(detail.get("finishedAt").asString()).isEqualTo(lastClaim.toInstant().toString());
        assertThat(detail.get("claims").get(0).get("userId").asString()).as(detail.toString())
                .isEqualTo(Long.toString(early));
        assertThat(detail.get("claims")).hasSize(3);
    }

    @Test
    void theLiveStateListsFreeSeqsAndClaims() {
        long sender = newUser();
        long group = group(sender, 2);
        long packet = sendPaid(sender, Sends.lucky(group, 4, 400));
        long user = members(group).get(1);
        long amount = claim(packet, 2, user).json().get("amount").asLong();

        JsonNode state = http.get("/internal/packets/" + packet + "/live-state", null).json();

        assertThat(state.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(state.get("payStatus").asInt()).isEqualTo(1);
        assertThat(state.get("groupId").asLong()).isEqualTo(group);
        assertThat(state.get("freeSeqs").valueStream().map(JsonNode::asInt).toList()).containsExactly(1, 3, 4);
        assertThat(state.get("claims").get(0).get("userId").asLong()).isEqualTo(user);
        assertThat(state.get("claims").get(0).get("amount").asLong()).isEqualTo(amount);
        assertThat(http.get("/internal/packets/424242/live-state", null).status()).isEqualTo(404);
    }
}
