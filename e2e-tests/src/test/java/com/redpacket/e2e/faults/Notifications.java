package com.redpacket.e2e.faults;

import com.redpacket.e2e.Api;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the run's payment notifications really travelled, from the emulator's record of every delivery attempt
 * ({@code GET /emulator/notifications}): how many were late, came more than once, overtook one sent before them,
 * or were refused or unanswered (a service down) and retried by WeChat Pay's schedule.
 */
record Notifications(int payments, int late, int afterExpiry, int duplicated, int overtaken, int attempts,
                     int acknowledged, int failedAttempts) {

    static Notifications of(Workload workload) {
        JsonNode all = Api.emulator().get("/emulator/notifications", null).json();
        Map<String, List<JsonNode>> byOrder = new HashMap<>();
        all.forEach(a -> {
            if (workload.payments.containsKey(a.get("outTradeNo").asString())) {
                byOrder.computeIfAbsent(a.get("outTradeNo").asString(), k -> new ArrayList<>()).add(a);
            }
        });
        int attempts = 0;
        int acknowledged = 0;
        int failed = 0;
        Map<String, Instant> firstAck = new HashMap<>();
        for (var entry : byOrder.entrySet()) {
            for (JsonNode a : entry.getValue()) {
                attempts++;
                int status = a.get("status").asInt();
                if (status == 200 || status == 204) {
                    acknowledged++;
                    Instant at = Instant.parse(a.get("at").asString());
                    firstAck.merge(entry.getKey(), at, (x, y) -> x.isBefore(y) ? x : y);
                } else {
                    failed++;
                }
            }
        }
        List<Workload.Payment> paid = new ArrayList<>(workload.payments.values());
        int overtaken = 0;
        for (Workload.Payment earlier : paid) {
            Instant mine = firstAck.get(earlier.outTradeNo());
            if (mine != null && paid.stream().anyMatch(later -> later.paidAt().isAfter(earlier.paidAt())
                    && firstAck.containsKey(later.outTradeNo()) && firstAck.get(later.outTradeNo()).isBefore(mine))) {
                overtaken++;
            }
        }
        long ttl = workload.ttl().toMillis();
        return new Notifications(paid.size(), (int) paid.stream().filter(p -> p.delayMs() >= 3_000).count(),
                (int) paid.stream().filter(p -> p.delayMs() > ttl).count(),
                (int) paid.stream().filter(p -> p.duplicates() > 1).count(), overtaken, attempts, acknowledged, failed);
    }
}
