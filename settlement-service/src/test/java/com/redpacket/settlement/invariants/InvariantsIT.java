package com.redpacket.settlement.invariants;

import com.redpacket.settlement.AbstractSettlementIT;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report names each broken rule and what broke it; over HTTP it is green on a healthy ledger. */
class InvariantsIT extends AbstractSettlementIT {

    @Test
    void aHealthyLedgerReportsOkWithItsFigures() {
        long user = newId();
        topUp(user, 400);
        Answer answer = http("GET", "/internal/invariants", null, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("ok").asBoolean()).isTrue();
        assertThat(answer.json().get("violations")).isEmpty();
        var figures = answer.json().get("figures");
        assertThat(figures.get("ledgerSum").asLong()).isZero();
        assertThat(figures.get("wechatReceived").asLong()).isEqualTo(figures.get("wallets").asLong()
                + figures.get("escrowHeld").asLong() + figures.get("wechatRefunded").asLong());
    }

    @Test
    void corruptedRowsAreListedRuleByRule() {
        List<Violation> found = tx.execute(status -> {
            status.setRollbackOnly();
            long packet = newId();
            long user = newId();
            Timestamp now = Timestamp.from(Instant.now());
            // one-sided transaction: 500 fen out of nowhere into a wallet
            jdbc.sql("INSERT INTO ledger_txn (id, business_key, kind, ref_id, created_at) VALUES (?, ?, 'TOPUP', 1, ?)")
                    .params(packet, "BROKEN:" + packet, now).update();
            jdbc.sql("INSERT INTO account (kind, owner_id, balance, created_at, updated_at) VALUES ('WALLET', ?, 500, ?, ?)")
                    .params(user, now, now).update();
            jdbc.sql("""
                            INSERT INTO ledger_entry (id, txn_id, account_kind, owner_id, amount, balance_after, kind,
                                                      ref_id, created_at)
                            VALUES (?, ?, 'WALLET', ?, 400, 400, 'TOPUP', 1, ?)""")
                    .params(packet + 1, packet, user, now).update();
            // a packet whose counters disagree with its escrow
            jdbc.sql("""
                            INSERT INTO packet_escrow (packet_id, funded_amount, credited_amount, funded_at, created_at, updated_at)
                            VALUES (?, 100, 30, ?, ?, ?)""").params(packet, now, now, now).update();
            return invariants.check().violations();
        });
        assertThat(found).extracting(Violation::rule).contains("LEDGER_SUMS_TO_ZERO", "TRANSACTION_SUMS_TO_ZERO",
                "BALANCE_EQUALS_ENTRIES", "PACKET_FUNDED_EQUALS_CREDITED_REFUNDED_HELD");
        assertThat(found).filteredOn(v -> v.rule().equals("TRANSACTION_SUMS_TO_ZERO"))
                .singleElement().satisfies(v -> assertThat(v.detail()).contains("400"));
    }
}
