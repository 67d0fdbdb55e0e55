package com.redpacket.settlement.wallet;

import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.contracts.events.PacketExpired;
import com.redpacket.settlement.AbstractSettlementIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Wallet": the balance and the statement, newest first, with an opaque cursor. */
class WalletApiIT extends AbstractSettlementIT {

    @Test
    void aUserWithoutAWalletHasBalanceZeroAndNoEntries() {
        long user = newId();
        Answer wallet = http("GET", "/api/wallet", null, user);
        assertThat(wallet.status()).isEqualTo(200);
        assertThat(wallet.json().get("userId").asString()).isEqualTo(Long.toString(user));
        assertThat(wallet.json().get("balance").asLong()).isZero();
        Answer entries = http("GET", "/api/wallet/entries", null, user);
        assertThat(entries.json().get("items")).isEmpty();
        assertThat(entries.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void entriesArePagedNewestFirstWithoutGapsOrRepeats() {
        long user = newId();
        for (int i = 1; i <= 25; i++) {
            topUp(user, i);
        }
        List<Long> amounts = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Answer page = http("GET", "/api/wallet/entries?limit=10" + (cursor == null ? "" : "&cursor=" + cursor),
                    null, user);
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode item : page.json().get("items")) {
                assertThat(ids.add(item.get("id").asString())).isTrue();
                assertThat(item.get("kind").asString()).isEqualTo("TOPUP");
                assertThat(item.get("refId").isString()).isTrue();
                assertThat(Instant.parse(item.get("createdAt").asString())).isBefore(Instant.now().plusSeconds(1));
                amounts.add(item.get("amount").asLong());
            }
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(amounts).hasSize(25);
        List<Long> newestFirst = new ArrayList<>();
        for (long i = 25; i >= 1; i--) {
            newestFirst.add(i);
        }
        assertThat(amounts).isEqualTo(newestFirst);
        assertThat(http("GET", "/api/wallet", null, user).json().get("balance").asLong()).isEqualTo(325);
    }

    @Test
    void everyKindOfMoveShowsUpWithItsKindAndPacket() {
        long sender = newId();
        long grabber = newId();
        long packet = newId();
        topUp(sender, 500);
        assertThat(http("POST", "/internal/wallets/" + sender + "/packet-debits",
                "{\"packetId\":" + packet + ",\"amount\":200}", null).status()).isEqualTo(200);
        publish(PacketClaimed.of(packet, sender, 1, grabber, 150, Instant.now()));
        publish(PacketExpired.of(packet, sender, 200, 1, 50, Instant.now()));
        awaitBalance(sender, 350);
        awaitBalance(grabber, 150);

        JsonNode senderItems = http("GET", "/api/wallet/entries", null, sender).json().get("items");
        assertThat(senderItems).extracting(i -> i.get("kind").asString())
                .containsExactly("PACKET_REFUND", "PACKET_SENT", "TOPUP");
        assertThat(senderItems).extracting(i -> i.get("amount").asLong()).containsExactly(50L, -200L, 500L);
        assertThat(senderItems.get(0).get("refId").asString()).isEqualTo(Long.toString(packet));
        JsonNode grabberItems = http("GET", "/api/wallet/entries", null, grabber).json().get("items");
        assertThat(grabberItems).extracting(i -> i.get("kind").asString()).containsExactly("PACKET_GRABBED");
        assertThat(grabberItems.get(0).get("amount").asLong()).isEqualTo(150);
    }

    @Test
    void badParametersAreA400NamingTheParameter() {
        long user = newId();
        for (String query : List.of("limit=0", "limit=101", "limit=-1", "limit=abc", "limit=1.5")) {
            Answer answer = http("GET", "/api/wallet/entries?" + query, null, user);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString()).as(query).isEqualTo("limit");
        }
        for (String cursor : List.of("garbage", "ZTE6LTE", "ZTE6YWJj", "%20")) {
            Answer answer = http("GET", "/api/wallet/entries?cursor=" + cursor, null, user);
            assertThat(answer.status()).as(cursor).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString()).as(cursor).isEqualTo("cursor");
        }
    }

    @Test
    void withoutTheGatewaysCallerHeaderItIs401() {
        Answer answer = http("GET", "/api/wallet", null, null);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
    }
}
