package com.redpacket.e2e.support;

import com.redpacket.e2e.Api;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

/**
 * settlement-service's invariant report ({@code GET /internal/invariants}, docs/contracts.md): an ops call, asked of
 * settlement-service directly ({@code REDPACKET_SETTLEMENT_URL}, default http://localhost:8085), never through the
 * gateway, which does not route /internal.
 */
public final class Invariants {
    private static final Api SETTLEMENT = new Api(Api.env("REDPACKET_SETTLEMENT_URL", "http://localhost:8085"));

    private Invariants() {
    }

    /** {@code {ok, checkedAt, figures, violations}} as settlement-service checks it now. */
    public static JsonNode report() {
        Api.Answer answer = SETTLEMENT.get("/internal/invariants", null);
        Users.expect(answer, 200, "GET /internal/invariants");
        return answer.json();
    }

    /**
     * The report once it is green, or the last one when {@code patience} ran out (events in flight and the
     * reconciliation's grace period take seconds to settle; what is still listed after that is broken).
     */
    public static JsonNode awaitGreen(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        JsonNode report = report();
        while (!report.get("ok").asBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            report = report();
        }
        return report;
    }
}
