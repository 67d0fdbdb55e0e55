package com.redpacket.e2e.faults;

import com.redpacket.e2e.support.Invariants;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads settlement-service's invariant report every few seconds during the run. The rules that must hold at every
 * moment (ledger sums, balances against entries, no negative wallet, the per-packet money, credited once) are
 * violations whenever they appear; the two that need time (a funded claim credited, an expired packet refunded
 * after the reconciliation's grace) are left to the end, when the system is quiet again.
 */
final class Sampler {
    private static final Set<String> EVENTUAL = Set.of("FUNDED_CLAIM_CREDITED", "EXPIRED_PACKET_REFUNDED");

    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger samples = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private volatile boolean running = true;
    private final Thread thread = Thread.ofVirtual().unstarted(this::loop);

    void start() {
        thread.start();
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
    }

    int samples() {
        return samples.get();
    }

    int unavailable() {
        return unavailable.get();
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    private void loop() {
        while (running) {
            try {
                JsonNode report = Invariants.report();
                samples.incrementAndGet();
                for (JsonNode v : report.get("violations")) {
                    if (!EVENTUAL.contains(v.get("rule").asString())) {
                        violations.add(v.toString());
                    }
                }
            } catch (RuntimeException | AssertionError e) {
                unavailable.incrementAndGet();
            }
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
