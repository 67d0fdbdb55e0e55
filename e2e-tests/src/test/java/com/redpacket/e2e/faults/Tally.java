package com.redpacket.e2e.faults;

import com.redpacket.e2e.Api;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests sent, by kind (send-balance, grab, ...) and outcome (status and problem code, or the grab outcome). */
final class Tally {
    private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

    void count(String kind, String outcome) {
        counts.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).computeIfAbsent(outcome, o -> new LongAdder())
                .increment();
    }

    /** "201", "409 INSUFFICIENT_BALANCE", "200 GRABBED", "503 UPSTREAM_UNAVAILABLE", "io-error". */
    static String outcome(Api.Answer answer) {
        String label = Integer.toString(answer.status());
        try {
            var body = answer.json();
            if (body.has("outcome")) {
                return label + " " + body.get("outcome").asString();
            }
            if (answer.status() >= 400 && body.has("code")) {
                return label + " " + body.get("code").asString();
            }
        } catch (RuntimeException e) {
            // not JSON: the status says it all
        }
        return label;
    }

    Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> result = new TreeMap<>();
        counts.forEach((kind, outcomes) -> {
            Map<String, Long> byOutcome = new TreeMap<>();
            outcomes.forEach((o, n) -> byOutcome.put(o, n.sum()));
            result.put(kind, byOutcome);
        });
        return result;
    }

    long total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(LongAdder::sum).sum();
    }
}
