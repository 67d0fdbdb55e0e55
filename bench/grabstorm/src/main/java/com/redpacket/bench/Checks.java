package com.redpacket.bench;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * After a storm: were the answers and the committed claims right (per packet at most its shares, each share to one
 * user, no user twice, a sold-out packet handed out exactly its total, every GRABBED answer is a claim in MySQL and
 * every claim was answered GRABBED to its user, every ALREADY_GRABBED named the user's own share), and how long after
 * its GRABBED answer settlement credited each claim.
 */
final class Checks {
    /**
     * @param creditMicros         GRABBED answer at the client → credited (0 when the credit came first)
     * @param claimCreditMicros    claim committed at packet-service ({@code grabbed_at}) → credited
     * @param creditedBeforeAnswer claims credited before their GRABBED answer reached the client
     */
    record Verdict(List<String> failures, long winners, Histogram winMicros, Histogram creditMicros,
                   Histogram claimCreditMicros, long creditedBeforeAnswer) {
        boolean ok() {
            return failures.isEmpty();
        }
    }

    private Checks() {
    }

    static Verdict verify(Grabs grabs, HttpLoad.Result load, List<Setup.User> crowd, int shares, long total,
                          Oracle oracle, Duration creditWait) throws Exception {
        List<String> failures = new ArrayList<>();
        load.statuses().forEach((status, n) -> {
            if (status != 200) {
                failures.add(n + " answers with HTTP " + status + " (e.g. " + grabs.oddAnswers.peek() + ")");
            }
        });
        if (load.ioErrors() > 0) {
            failures.add(load.ioErrors() + " attempts failed on the connection");
        }
        if (grabs.count("unreadable") > 0) {
            failures.add(grabs.count("unreadable") + " answers without an outcome");
        }
        List<Long> packetIds = grabs.packets();
        Map<Integer, Map<Long, Long>> answered = new HashMap<>();
        for (Grabs.Win w : grabs.wins) {
            Long before = answered.computeIfAbsent(w.packet(), p -> new HashMap<>()).put(crowd.get(w.user()).id(),
                    w.amount());
            if (before != null) {
                failures.add("user " + crowd.get(w.user()).id() + " was answered GRABBED twice on packet "
                        + packetIds.get(w.packet()));
            }
        }
        Map<Long, Map<Long, Long>> committed = new HashMap<>();
        Map<String, Instant> claimedAt = new HashMap<>();
        for (Oracle.Claim c : oracle.claims(packetIds)) {
            claimedAt.put(c.packetId() + ":" + c.receiver(), c.grabbedAt());
            if (committed.computeIfAbsent(c.packetId(), p -> new HashMap<>()).put(c.receiver(), c.amount()) != null) {
                failures.add("user " + c.receiver() + " holds two shares of packet " + c.packetId());
            }
        }
        int soldOut = 0;
        for (int p = 0; p < packetIds.size(); p++) {
            long id = packetIds.get(p);
            Map<Long, Long> winners = answered.getOrDefault(p, Map.of());
            Map<Long, Long> claims = committed.getOrDefault(id, Map.of());
            if (winners.size() > shares) {
                failures.add("packet " + id + ": " + winners.size() + " GRABBED answers for " + shares + " shares");
            }
            if (!winners.equals(claims)) {
                failures.add("packet " + id + ": GRABBED answers " + winners + " differ from the claims in MySQL " + claims);
            }
            if (grabs.soldOut.get(p) == 1) {
                soldOut++;
                long sum = winners.values().stream().mapToLong(Long::longValue).sum();
                if (winners.size() != shares || sum != total) {
                    failures.add("packet " + id + " answered SOLD_OUT after " + winners.size() + " winners holding "
                            + sum + " of " + total + " fen");
                }
            }
        }
        if (packetIds.size() == 1 && soldOut == 0) {
            failures.add("the packet was not sold out");
        }
        grabs.repeatAmounts.forEach((pair, amount) -> {
            int packet = (int) (pair / crowd.size());
            long user = crowd.get((int) (pair % crowd.size())).id();
            if (!amount.equals(answered.getOrDefault(packet, Map.of()).get(user))) {
                failures.add("user " + user + " was answered ALREADY_GRABBED (" + amount + " fen) on packet "
                        + packetIds.get(packet) + " without being its winner");
            }
        });
        if (grabs.repeatMismatches.sum() > 0) {
            failures.add(grabs.repeatMismatches.sum() + " ALREADY_GRABBED answers named another amount");
        }
        return credits(grabs, crowd, oracle, creditWait, failures, claimedAt);
    }

    /** Waits until every winner's claim is credited (or the wait is over), then measures answer → credit. */
    private static Verdict credits(Grabs grabs, List<Setup.User> crowd, Oracle oracle, Duration wait,
                                   List<String> failures, Map<String, Instant> claimedAt) throws Exception {
        List<Long> packetIds = grabs.packets();
        long winners = grabs.wins.size();
        List<Oracle.Credit> credits = oracle.credits(packetIds, winners, wait);
        Map<String, Instant> creditedAt = credits.stream().collect(Collectors.toMap(
                c -> c.packetId() + ":" + c.receiver(), Oracle.Credit::creditedAt));
        Histogram micros = new Histogram(600_000_000L, 3);
        Histogram fromClaim = new Histogram(600_000_000L, 3);
        long early = 0;
        Set<String> missing = new HashSet<>();
        for (Grabs.Win w : grabs.wins) {
            String key = packetIds.get(w.packet()) + ":" + crowd.get(w.user()).id();
            Instant at = creditedAt.get(key);
            if (at == null) {
                missing.add(key);
                continue;
            }
            long delta = Duration.between(w.answeredAt(), at).toNanos() / 1_000;
            if (delta < 0) {
                early++;
            }
            micros.recordValue(Math.max(1, delta));
            Instant claimed = claimedAt.get(key);
            if (claimed != null) {
                fromClaim.recordValue(Math.max(1, Duration.between(claimed, at).toNanos() / 1_000));
            }
        }
        if (!missing.isEmpty()) {
            failures.add(missing.size() + " of " + winners + " claims not credited " + wait.toSeconds()
                    + " s after the storm");
        }
        return new Verdict(failures, winners, grabs.winLatencyMicros, micros, fromClaim, early);
    }
}
