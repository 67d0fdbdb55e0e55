package com.redpacket.e2e;

import com.redpacket.e2e.support.Invariants;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end of every end-to-end run (last by {@code @Order}, see junit-platform.properties): after all the money the
 * other classes moved, settlement-service's invariant report is green. Events still in flight and the
 * reconciliation's grace period may take a few seconds to settle, so the report gets that long to turn green; what
 * it still lists after that is a broken invariant.
 */
@Tag("invariants")
@Order(Integer.MAX_VALUE)
class InvariantsE2E {

    @Test
    void theLedgerIsWholeAfterEverythingTheSuiteDid() {
        JsonNode report = Invariants.awaitGreen(Duration.ofSeconds(45));
        assertThat(report.get("violations")).as(report.toString()).isEmpty();
        JsonNode figures = report.get("figures");
        assertThat(figures.get("ledgerSum").asLong()).isZero();
        assertThat(figures.get("wechatReceived").asLong()).as("money in = money out: %s", figures)
                .isEqualTo(figures.get("wallets").asLong() + figures.get("escrowHeld").asLong()
                        + figures.get("wechatRefunded").asLong());
    }
}
