package com.redpacket.packet;

import com.redpacket.packet.expiry.PacketExpiry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ARCHITECTURE.md "Expire": grabs racing the expiry job (run by two instances at once) never both win a share:
 * claimed + refunded = total, every share exactly one of the two, one PacketExpired with the exact refund.
 */
class ExpiryRaceIT extends AbstractPacketIT {
    @Autowired
    PacketExpiry expiry;

    @Test
    void claimsRacingTwoExpiryJobsSplitEveryShareExactlyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            race();
        }
    }

    private void race() throws Exception {
        long sender = newUser();
        long group = group(sender, 120);
        long total = 100 * 150;
        long packet = sendPaid(sender, Sends.lucky(group, 100, total));
        jdbc.sql("UPDATE red_packet SET expires_at = ? WHERE id = ?").params(Timestamp.from(Instant.now()), packet)
                .update();
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Long> claimedBy = new ConcurrentHashMap<>();
        AtomicInteger expiries = new AtomicInteger();

        concurrently(122, () -> {
            int i = next.getAndIncrement();
            if (i % 61 == 30) {
                if (expiry.expire(packet)) {
                    expiries.incrementAndGet();
                }
                return null;
            }
            int seq = 1 + i % 100;
            long user = members(group).get(1 + i % 120);
            String outcome = claim(packet, seq, user).json().get("outcome").asString();
            if (outcome.equals("CLAIMED")) {
                claimedBy.put(seq, user);
            }
            return null;
        });

        List<Map<String, Object>> shares = jdbc.sql("SELECT seq, amount, receiver, refunded FROM red_packet_log "
                + "WHERE packet_id = ?").param(packet).query().listOfRows();
        long claimed = 0;
        long refunded = 0;
        for (Map<String, Object> s : shares) {
            boolean isClaimed = s.get("receiver") != null;
            boolean isRefunded = ((Number) s.get("refunded")).intValue() == 1;
            assertThat(isClaimed ^ isRefunded).as("share %s is claimed xor refunded", s.get("seq")).isTrue();
            long amount = ((Number) s.get("amount")).longValue();
            if (isClaimed) {
                claimed += amount;
                assertThat(claimedBy.get(((Number) s.get("seq")).intValue()))
                        .as("a claimed share was answered CLAIMED to its receiver")
                        .isEqualTo(((Number) s.get("receiver")).longValue());
            } else {
                refunded += amount;
            }
        }
        assertThat(claimed + refunded).isEqualTo(total);
        assertThat(claimedBy).hasSize((int) shares.stream().filter(s -> s.get("receiver") != null).count());
        assertThat(expiries.get()).as("exactly one job closed the packet").isEqualTo(1);
        assertThat(jdbc.sql("SELECT status, refunded_amount FROM red_packet WHERE id = ?").param(packet).query()
                .singleRow()).containsEntry("status", "EXPIRED").containsEntry("refunded_amount", refunded);
        List<String> events = jdbc.sql("SELECT payload FROM outbox_event WHERE msg_key = ? AND event_type = 'PacketExpired'")
                .param(Long.toString(packet)).query(String.class).list();
        assertThat(events).singleElement().asString().contains("\"refundAmount\":" + refunded);
        assertThat(peers.disarms).contains(packet);
        assertThat(claim(packet, 31, newUser()).json().get("outcome").asString())
                .as("seq 31 had no claimant in the race, so it was refunded").isEqualTo("SEQ_REFUNDED");
    }

    @Test
    void aPacketEmptiedBeforeItsExpiryIsFinishedNotExpired() {
        long sender = newUser();
        long group = group(sender, 2);
        long packet = sendPaid(sender, Sends.lucky(group, 2, 200));
        claim(packet, 1, members(group).get(1));
        claim(packet, 2, members(group).get(2));
        // as if the last claim's finish step had been lost in a crash
        jdbc.sql("UPDATE red_packet SET status = 'ACTIVE', finished_at = NULL, expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now()), packet).update();

        assertThat(expiry.expireDue()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT status FROM red_packet WHERE id = ?").param(packet).query(String.class).single())
                .isEqualTo("FINISHED");
        assertThat(count("SELECT COUNT(*) FROM outbox_event WHERE msg_key = ? AND event_type = 'PacketExpired'",
                Long.toString(packet))).isZero();
    }
}
