package com.redpacket.settlement.packet;

import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.settlement.AbstractSettlementIT;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The times settlement writes keep their microseconds on MariaDB as on MySQL (SqlTime): a claim's time as the event
 * carried it (cut, not rounded, to the microsecond), and the moments of its crediting and of its ledger rows, each
 * between the instants taken before its claim was published and after the money arrived. A driver that dropped the
 * fraction would store whole seconds.
 */
class TimePrecisionIT extends AbstractSettlementIT {
    private static final int CLAIMS = 3;

    @Test
    void aCreditedClaimAndItsLedgerRowsKeepTheirMicroseconds() {
        long packet = newId();
        long sender = newId();
        publishTwice(ClaimCreditingIT.wechatPayment(packet, sender, 100L * CLAIMS));
        List<Instant> written = new ArrayList<>();
        for (int seq = 1; seq <= CLAIMS; seq++) {
            long receiver = newId();
            Instant claimedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1).plusNanos(123_456_789);
            Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
            publish(PacketClaimed.of(packet, sender, seq, receiver, 100, claimedAt));
            awaitBalance(receiver, 100);
            Instant after = Instant.now();

            assertThat(time("SELECT claimed_at FROM packet_claim WHERE packet_id = ? AND seq = ?", packet, seq))
                    .isEqualTo(claimedAt.truncatedTo(ChronoUnit.MICROS));
            Instant creditedAt = time("SELECT credited_at FROM packet_claim WHERE packet_id = ? AND seq = ?",
                    packet, seq);
            Instant entryAt = time("SELECT created_at FROM ledger_entry WHERE account_kind = 'WALLET' AND owner_id = ?",
                    receiver);
            Instant txnAt = time("""
                    SELECT t.created_at FROM ledger_txn t JOIN ledger_entry e ON e.txn_id = t.id
                    WHERE e.account_kind = 'WALLET' AND e.owner_id = ?""", receiver);
            assertThat(creditedAt).isBetween(before, after);
            assertThat(entryAt).isBetween(before, after);
            assertThat(txnAt).as("one time for the transaction and its entries").isEqualTo(entryAt);
            written.add(creditedAt);
            written.add(entryAt);
        }
        assertThat(written).as("times with a fraction").anyMatch(t -> t.getNano() != 0);
    }

    private Instant time(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query((rs, i) -> rs.getTimestamp(1).toInstant()).single();
    }
}
