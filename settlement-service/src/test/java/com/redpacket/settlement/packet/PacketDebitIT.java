package com.redpacket.settlement.packet;

import com.redpacket.settlement.AbstractSettlementIT;
import com.redpacket.settlement.ledger.AccountRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /internal/wallets/{userId}/packet-debits}: once per packet, all or nothing, 409 when short. */
class PacketDebitIT extends AbstractSettlementIT {

    @Test
    void debitsTheWalletIntoThePacketsEscrowAndARepeatAnswersTheFirstResult() {
        long user = newId();
        long packet = newId();
        topUp(user, 1_000);

        JsonNode first = debit(user, packet, 300, 200);
        assertThat(first.get("packetId").asLong()).isEqualTo(packet);
        assertThat(first.get("userId").asLong()).isEqualTo(user);
        assertThat(first.get("amount").asLong()).isEqualTo(300);
        assertThat(first.get("balanceAfter").asLong()).isEqualTo(700);
        assertThat(first.get("replayed").asBoolean()).isFalse();

        topUp(user, 50);
        JsonNode repeat = debit(user, packet, 300, 200);
        assertThat(repeat.get("replayed").asBoolean()).isTrue();
        assertThat(repeat.get("balanceAfter").asLong()).as("the first answer, not today's balance").isEqualTo(700);
        assertThat(balance(user)).isEqualTo(750);
        assertThat(ledger.balance(AccountRef.escrow(packet))).isEqualTo(300);
    }

    @Test
    void aRepeatWithAnotherAmountOrAnotherUserIsAConflict() {
        long user = newId();
        long packet = newId();
        topUp(user, 1_000);
        debit(user, packet, 300, 200);

        assertThat(debit(user, packet, 301, 409).get("code").asString()).isEqualTo("CONFLICT");
        long other = newId();
        topUp(other, 1_000);
        assertThat(debit(other, packet, 300, 409).get("code").asString()).isEqualTo("CONFLICT");
        assertThat(balance(user)).isEqualTo(700);
        assertThat(balance(other)).isEqualTo(1_000);
    }

    @Test
    void aShortWalletIsRefusedAndNothingMoves() {
        long user = newId();
        long packet = newId();
        topUp(user, 299);

        JsonNode problem = debit(user, packet, 300, 409);
        assertThat(problem.get("code").asString()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(balance(user)).isEqualTo(299);
        assertThat(count("SELECT COUNT(*) FROM packet_escrow WHERE packet_id = ?", packet)).isZero();
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE ref_id = ?", packet)).isZero();
        assertThat(debit(newId(), newId(), 1, 409).get("code").asString()).as("no wallet at all")
                .isEqualTo("INSUFFICIENT_BALANCE");

        topUp(user, 1);
        assertThat(debit(user, packet, 300, 200).get("replayed").asBoolean()).as("a refused debit frees the packet id")
                .isFalse();
        assertThat(balance(user)).isZero();
    }

    @Test
    void tenConcurrentDebitsOfOnePacketDebitOnce() throws Exception {
        long user = newId();
        long packet = newId();
        topUp(user, 10_000);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return debit(user, packet, 2_500, 200);
                }));
            }
            start.countDown();
            int fresh = 0;
            for (Future<JsonNode> answer : answers) {
                JsonNode result = answer.get();
                assertThat(result.get("balanceAfter").asLong()).isEqualTo(7_500);
                fresh += result.get("replayed").asBoolean() ? 0 : 1;
            }
            assertThat(fresh).isEqualTo(1);
        }
        assertThat(balance(user)).isEqualTo(7_500);
        assertThat(count("SELECT COUNT(*) FROM ledger_txn WHERE ref_id = ?", packet)).isEqualTo(1);
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        long user = newId();
        topUp(user, 1_000);
        String path = "/internal/wallets/" + user + "/packet-debits";
        assertField(http("POST", path, "{\"packetId\":0,\"amount\":5}", null), "packetId");
        assertField(http("POST", path, "{\"packetId\":-7,\"amount\":5}", null), "packetId");
        assertField(http("POST", path, "{\"packetId\":7,\"amount\":0}", null), "amount");
        assertField(http("POST", path, "{\"packetId\":7,\"amount\":-5}", null), "amount");
        assertField(http("POST", path, "{\"packetId\":7,\"amount\":2000001}", null), "amount");
        assertField(http("POST", path, "{\"packetId\":7,\"amount\":\"5\"}", null), "amount");
        assertField(http("POST", path, "{\"packetId\":7,\"amount\":1.5}", null), "amount");
        assertField(http("POST", path, "{\"packetId\":7}", null), "amount");
        assertField(http("POST", path, "{\"packetId\":7,\"amount\":99999999999999999999}", null), "amount");
        assertField(http("POST", "/internal/wallets/abc/packet-debits", "{\"packetId\":7,\"amount\":5}", null), "userId");
        assertField(http("POST", "/internal/wallets/0/packet-debits", "{\"packetId\":7,\"amount\":5}", null), "userId");
        Answer malformed = http("POST", path, "{\"packetId\":7,", null);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(balance(user)).isEqualTo(1_000);
        assertThat(count("SELECT COUNT(*) FROM packet_escrow WHERE packet_id = 7")).isZero();
    }

    private void assertField(Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.get("errors").get(0).get("field").asString()).as(answer.body()).isEqualTo(field);
    }

    private JsonNode debit(long user, long packet, long amount, int expectedStatus) {
        Answer answer = http("POST", "/internal/wallets/" + user + "/packet-debits",
                "{\"packetId\":" + packet + ",\"amount\":" + amount + "}", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(expectedStatus);
        return answer.json();
    }
}
