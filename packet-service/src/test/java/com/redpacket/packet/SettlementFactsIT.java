package com.redpacket.packet;

import com.redpacket.contracts.events.ClaimCredited;
import com.redpacket.contracts.events.DomainEvent;
import com.redpacket.contracts.events.PacketRefunded;
import com.redpacket.packet.payment.PacketEventListeners;
import com.redpacket.platform.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * settlement-service's facts applied a consumer batch at a time ({@link PacketEventListeners#onSettlement}): the
 * credited shares of a batch, on any number of packets, are flagged together, only those; an event delivered twice,
 * in one batch or in a later one, changes nothing more; a refund in the same batch is applied too.
 */
class SettlementFactsIT extends AbstractPacketIT {
    private static final AtomicLong OFFSETS = new AtomicLong();

    @Autowired
    PacketEventListeners listeners;

    private final EventJson json = new EventJson();

    @Test
    void aBatchFlagsItsCreditedSharesOnEveryPacketAndNothingElse() {
        long sender = newUser();
        long group = group(sender, 3);
        List<Long> users = members(group).subList(1, 4);
        long a = sendPaid(sender, Sends.lucky(group, 3, 300));
        long b = sendPaid(sender, Sends.lucky(group, 3, 300));
        for (int seq = 1; seq <= 3; seq++) {
            assertThat(claim(a, seq, users.get(seq - 1)).status()).isEqualTo(200);
        }
        assertThat(claim(b, 1, users.get(0)).status()).isEqualTo(200);
        assertThat(claim(b, 3, users.get(2)).status()).isEqualTo(200);

        ClaimCredited a1 = credited(a, 1, users.get(0));
        listeners.onSettlement(records(credited(b, 3, users.get(2)), a1, credited(a, 2, users.get(1)), a1,
                PacketRefunded.of(b, sender, amount(b, 2))));

        assertThat(creditedSeqs(a)).containsExactly(1, 2);
        assertThat(creditedSeqs(b)).containsExactly(3);
        assertThat(count("SELECT COUNT(*) FROM red_packet WHERE id = ? AND refund_settled_at IS NOT NULL", b))
                .isEqualTo(1);

        listeners.onSettlement(records(a1, credited(b, 1, users.get(0))));

        assertThat(creditedSeqs(a)).containsExactly(1, 2);
        assertThat(creditedSeqs(b)).containsExactly(1, 3);
        assertThat(http.get("/api/packets/" + a, users.get(0)).json().get("claims").valueStream()
                .map(claim -> claim.get("credited").asBoolean()).toList())
                .containsExactlyInAnyOrder(true, true, false);
    }

    private ClaimCredited credited(long packetId, int seq, long user) {
        return ClaimCredited.of(packetId, seq, user, amount(packetId, seq));
    }

    private long amount(long packetId, int seq) {
        return count("SELECT amount FROM red_packet_log WHERE packet_id = ? AND seq = ?", packetId, seq);
    }

    private List<Integer> creditedSeqs(long packetId) {
        return jdbc.sql("SELECT seq FROM red_packet_log WHERE packet_id = ? AND is_into_account = 1 ORDER BY seq")
                .param(packetId)
                .query(Integer.class)
                .list();
    }

    private List<ConsumerRecord<String, String>> records(DomainEvent... events) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (DomainEvent event : events) {
            records.add(new ConsumerRecord<>(event.topic(), 0, OFFSETS.incrementAndGet(), event.partitionKey(),
                    json.write(event)));
        }
        return records;
    }
}
