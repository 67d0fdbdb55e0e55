package com.redpacket.packet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md reads: the detail for the sender and the audience only, and the cursor-paginated lists with totals. */
class ReadsIT extends AbstractPacketIT {

    @Test
    void onlyTheSenderAndTheAudienceSeeAPacket() {
        long sender = newUser();
        long group = group(sender, 2);
        long groupPacket = sendPaid(sender, Sends.lucky(group, 2, 200));
        long receiver = newUser();
        long singlePacket = sendPaid(sender, Sends.single(receiver, 100));
        long stranger = newUser();

        assertThat(http.get("/api/packets/" + groupPacket, sender).status()).isEqualTo(200);
        assertThat(http.get("/api/packets/" + groupPacket, members(group).get(1)).status()).isEqualTo(200);
        assertThat(http.get("/api/packets/" + groupPacket, stranger).code()).isEqualTo("PACKET_NOT_FOUND");
        assertThat(http.get("/api/packets/" + singlePacket, receiver).status()).isEqualTo(200);
        assertThat(http.get("/api/packets/" + singlePacket, members(group).get(1)).status()).isEqualTo(404);
        assertThat(http.get("/api/packets/" + singlePacket, stranger).status()).isEqualTo(404);
        assertThat(http.get("/api/packets/12345", sender).status()).isEqualTo(404);
        assertThat(http.get("/api/packets/abc", sender).status()).isEqualTo(400);
        assertThat(http.get("/api/packets/" + groupPacket, null).status()).isEqualTo(401);
    }

    @Test
    void theSentListPagesNewestFirstWithTotals() {
        long sender = newUser();
        long group = group(sender, 2);
        List<Long> sent = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            sent.add(sendPaid(sender, Sends.lucky(group, 2, 100L * i)));
        }
        claim(sent.getLast(), 1, members(group).get(1));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = http.get("/api/packets/sent?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), sender)
                    .json();
            pages++;
            assertThat(page.get("count").asLong()).isEqualTo(5);
            assertThat(page.get("totalAmount").asLong()).isEqualTo(1_500);
            page.get("items").forEach(item -> seen.add(item.get("id").asString()));
            if (pages == 1) {
                assertThat(page.get("items").get(0).get("grabbedCount").asInt()).isEqualTo(1);
                assertThat(page.get("items").get(0).has("claims")).isFalse();
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(sent.reversed().stream().map(String::valueOf).toList());
    }

    @Test
    void theReceivedListPagesTheCallersSharesWithTotals() {
        long user = newUser();
        long total = 0;
        for (int i = 0; i < 3; i++) {
            long sender = newUser();
            long packet = sendPaid(sender, Sends.single(user, 100 + i));
            total += claim(packet, 1, user).json().get("amount").asLong();
        }

        JsonNode first = http.get("/api/packets/received?limit=2", user).json();
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("count").asLong()).isEqualTo(3);
        assertThat(first.get("totalAmount").asLong()).isEqualTo(total);
        assertThat(first.get("items").get(0).get("amount").asLong()).isEqualTo(102);
        JsonNode second = http.get("/api/packets/received?limit=2&cursor=" + first.get("nextCursor").asString(), user)
                .json();
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("amount").asLong()).isEqualTo(100);
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void badPagingParametersNameTheirField() {
        long user = newUser();
        for (String query : List.of("limit=0", "limit=101", "limit=x", "cursor=nonsense", "cursor=djE6YWJj")) {
            Http.Answer answer = http.get("/api/packets/sent?" + query, user);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(query.split("=")[0]);
        }
        assertThat(http.get("/api/packets/received?cursor=%25%25", user).status()).isEqualTo(400);
    }
}
