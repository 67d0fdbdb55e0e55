package com.redpacket.e2e.packets;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import com.redpacket.e2e.support.Wallets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.redpacket.e2e.packets.Packets.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The app's history screens (API.md: sent, received, wallet entries) page by page: each page at most {@code limit}
 * items, newest first, the cursor leading to the next page and null after the last, no item twice or lost, and the
 * totals of the whole list on every page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryE2E {
    private static final int PACKETS = 5;
    private static final long TOP_UP = 10_000;

    private TestUser sender;
    private TestUser receiver;
    private final List<String> sentIds = new ArrayList<>();
    private long sentTotal;

    @BeforeAll
    void fivePacketsSentAndGrabbed() {
        sender = Users.register("发了五个");
        receiver = Users.register("收了五个");
        Wallets.topUp(sender, TOP_UP);
        for (int i = 1; i <= PACKETS; i++) {
            long amount = 100L * i;
            Api.Answer sent = GATEWAY.post("/api/packets", sender.token(), Map.of("type", "SINGLE",
                    "receiverId", receiver.id(), "totalAmount", amount, "greeting", "第" + i + "个",
                    "payChannel", "BALANCE"));
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
            String id = sent.json().get("id").asString();
            sentIds.addFirst(id);
            sentTotal += amount;
            JsonNode grabbed = GATEWAY.post("/api/packets/" + id + "/grab", receiver.token(), null).json();
            assertThat(grabbed.get("outcome").asString()).isEqualTo("GRABBED");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Wallets.balance(receiver) == sentTotal);
    }

    @Test
    void sentPacketsPageByPageNewestFirstWithTheirTotals() {
        List<JsonNode> pages = pages("/api/packets/sent", sender, 2);
        assertThat(pages).hasSize(3);
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.get("count").asLong()).isEqualTo(PACKETS);
            assertThat(page.get("totalAmount").asLong()).isEqualTo(sentTotal);
        });
        assertThat(pages.stream().map(p -> p.get("items").size()).toList()).containsExactly(2, 2, 1);
        List<String> ids = items(pages).stream().map(i -> i.get("id").asString()).toList();
        assertThat(ids).containsExactlyElementsOf(sentIds);
        assertThat(items(pages)).allSatisfy(i -> {
            assertThat(i.get("senderId").asString()).isEqualTo(sender.id());
            assertThat(i.get("status").asString()).isEqualTo("FINISHED");
            assertThat(i.get("grabbedCount").asInt()).isEqualTo(1);
        });
        assertThat(pages.getLast().hasNonNull("nextCursor")).isFalse();
    }

    @Test
    void receivedSharesPageByPageNewestFirstWithTheirTotals() {
        await().atMost(Duration.ofSeconds(30)).until(() -> items(pages("/api/packets/received", receiver, 100))
                .stream().allMatch(i -> i.get("credited").asBoolean()));
        List<JsonNode> pages = pages("/api/packets/received", receiver, 2);
        assertThat(pages.stream().map(p -> p.get("items").size()).toList()).containsExactly(2, 2, 1);
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.get("count").asLong()).isEqualTo(PACKETS);
            assertThat(page.get("totalAmount").asLong()).isEqualTo(sentTotal);
        });
        List<JsonNode> items = items(pages);
        assertThat(items.stream().map(i -> i.get("packetId").asString()).toList()).containsExactlyElementsOf(sentIds);
        assertThat(items.stream().map(i -> i.get("amount").asLong()).toList()).containsExactly(500L, 400L, 300L, 200L, 100L);
        assertThat(items).allSatisfy(i -> assertThat(i.get("senderId").asString()).isEqualTo(sender.id()));
        assertThat(items.getFirst().get("greeting").asString()).isEqualTo("第5个");
    }

    @Test
    void walletEntriesPageByPageAddUpToTheBalance() {
        List<JsonNode> senderEntries = Wallets.entries(sender, 2);
        assertThat(senderEntries.stream().map(e -> e.get("kind").asString()).toList())
                .containsExactly("PACKET_SENT", "PACKET_SENT", "PACKET_SENT", "PACKET_SENT", "PACKET_SENT", "TOPUP");
        assertThat(senderEntries.stream().filter(e -> e.get("kind").asString().equals("PACKET_SENT"))
                .map(e -> e.get("refId").asString()).toList()).containsExactlyElementsOf(sentIds);
        assertThat(senderEntries.stream().mapToLong(e -> e.get("amount").asLong()).sum())
                .isEqualTo(Wallets.balance(sender)).isEqualTo(TOP_UP - sentTotal);
        assertThat(senderEntries.stream().map(e -> e.get("id").asString()).distinct()).hasSize(6);

        List<JsonNode> receiverEntries = Wallets.entries(receiver, 3);
        assertThat(receiverEntries).hasSize(PACKETS)
                .allSatisfy(e -> assertThat(e.get("kind").asString()).isEqualTo("PACKET_GRABBED"));
        assertThat(receiverEntries.stream().mapToLong(e -> e.get("amount").asLong()).sum()).isEqualTo(sentTotal);
    }

    @Test
    void badPagingIsA400NamingTheParameter() {
        for (String path : List.of("/api/packets/sent", "/api/packets/received", "/api/wallet/entries")) {
            for (String query : List.of("?limit=0", "?limit=101", "?limit=-1")) {
                field(GATEWAY.get(path + query, sender.token()), "limit");
            }
            field(GATEWAY.get(path + "?cursor=not-a-cursor", sender.token()), "cursor");
        }
    }

    private static void field(Api.Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.json().get("errors").findValuesAsString("field")).contains(field);
    }

    /** Every page of a list, following nextCursor from the first. */
    private static List<JsonNode> pages(String path, TestUser user, int limit) {
        List<JsonNode> pages = new ArrayList<>();
        String cursor = null;
        do {
            Api.Answer page = GATEWAY.get(path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor),
                    user.token());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(limit);
            pages.add(page.json());
            cursor = page.json().hasNonNull("nextCursor") ? page.json().get("nextCursor").asString() : null;
        } while (cursor != null && pages.size() < 100);
        return pages;
    }

    private static List<JsonNode> items(List<JsonNode> pages) {
        List<JsonNode> items = new ArrayList<>();
        pages.forEach(p -> p.get("items").forEach(items::add));
        return items;
    }
}
