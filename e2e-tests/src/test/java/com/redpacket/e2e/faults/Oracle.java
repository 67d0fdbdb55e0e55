package com.redpacket.e2e.faults;

import com.redpacket.e2e.support.Db;
import com.redpacket.e2e.support.Invariants;
import com.redpacket.e2e.support.Wallets;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What must hold once every service is back and the system had time to settle, checked against every service's own
 * truth: settlement's invariant report, and the schemas of packet-, payment- and settlement-service read as root,
 * read only (no call shows another user's shares or every ledger transaction; docs in dev/README-run.md). Scoped to
 * the run's users (their packets, orders, wallets) except for what is global by nature (the ledger, the outboxes).
 */
final class Oracle {
    private static final int SHOWN = 20;

    /** One rule: how many things it looked at, and each one that broke it. */
    record Check(String rule, long checked, List<String> violations) {
    }

    private final Workload workload;
    private final String users;

    Oracle(Workload workload) {
        this.workload = workload;
        this.users = workload.userIds().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    List<Check> check() {
        List<Check> checks = new ArrayList<>();
        checks.add(servicesHealthy());
        checks.add(outboxesDrained());
        checks.addAll(ledger());
        Map<String, Map<String, Object>> orders = byKey(Db.PAYMENT.rows("""
                SELECT o.out_trade_no, o.purpose, o.reference_id, o.user_id, o.amount, o.status, o.transaction_id,
                       (SELECT COUNT(*) FROM wechat_transaction t WHERE t.out_trade_no = o.out_trade_no) AS reported
                FROM payment_order o WHERE o.user_id IN (%s)""".formatted(users)), "out_trade_no");
        List<Map<String, Object>> packets = Db.PACKET.rows("""
                SELECT id, sender_id, type, pay_channel, pay_status, status, total_amount, refunded_amount,
                       refund_settled_at, out_trade_no, expires_at
                FROM red_packet WHERE sender_id IN (%s)""".formatted(users));
        List<Map<String, Object>> shares = Db.PACKET.rows("""
                SELECT l.packet_id, l.seq, l.amount, l.receiver, l.is_into_account, l.refunded, l.voided
                FROM red_packet_log l JOIN red_packet p ON p.id = l.packet_id WHERE p.sender_id IN (%s)"""
                .formatted(users));
        Map<String, List<Map<String, Object>>> txns = ledgerOfTheRun(packets);
        checks.add(paymentsReachedPaymentService(orders));
        checks.add(paidOrdersReflectedOnce(orders, txns));
        checks.add(packetsEnded(packets, orders));
        checks.add(sharesAddUp(packets, shares));
        checks.add(fundedOnce(packets, txns));
        checks.add(claimsCreditedOnce(packets, shares, txns));
        checks.add(refundedOnce(packets, txns));
        checks.add(grabAnswersHeld(shares));
        checks.add(sentAnswersHeld(packets));
        checks.add(walletsMatchEveryServicesTruth(orders, packets, shares));
        return checks;
    }

    private Check servicesHealthy() {
        List<String> bad = new ArrayList<>();
        int[] ports = {8080, 8081, 8082, 8083, 8084, 8085};
        for (int port : ports) {
            if (!SystemProcesses.healthy(port)) {
                bad.add("nothing healthy on port " + port);
            }
        }
        return new Check("every service healthy again", ports.length, bad);
    }

    private static Check outboxesDrained() {
        List<String> bad = new ArrayList<>();
        List<Db> schemas = List.of(Db.USER, Db.PACKET, Db.PAYMENT, Db.SETTLEMENT);
        for (Db db : schemas) {
            long pending = db.number("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL");
            if (pending > 0) {
                bad.add(db.schema() + ": " + pending + " outbox events not yet published");
            }
        }
        return new Check("every outbox drained", schemas.size(), bad);
    }

    /** Settlement's report, and the sums recomputed here from the raw tables. */
    private static List<Check> ledger() {
        JsonNode report = Invariants.report();
        List<String> reported = new ArrayList<>();
        report.get("violations").forEach(v -> reported.add(v.toString()));
        long sum = Db.SETTLEMENT.number("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry");
        long accounts = Db.SETTLEMENT.number("SELECT COUNT(*) FROM account");
        List<String> negative = new ArrayList<>();
        Db.SETTLEMENT.rows("SELECT kind, owner_id, balance FROM account WHERE kind IN ('WALLET', 'ESCROW') AND balance < 0")
                .forEach(r -> negative.add(r.get("kind") + ":" + r.get("owner_id") + " balance " + r.get("balance")));
        List<String> unbalanced = new ArrayList<>();
        if (sum != 0) {
            unbalanced.add("all ledger entries sum to " + sum);
        }
        JsonNode figures = report.get("figures");
        long received = Db.PAYMENT.number("SELECT COALESCE(SUM(amount), 0) FROM wechat_transaction");
        List<String> moneyIn = new ArrayList<>();
        if (received != figures.get("wechatReceived").asLong()) {
            moneyIn.add("WeChat Pay reported " + received + " fen paid, the ledger received "
                    + figures.get("wechatReceived").asLong());
        }
        return List.of(
                new Check("invariant report green (GET /internal/invariants)", figures.get("transactions").asLong(),
                        reported),
                new Check("ledger sums to zero (every entry)", figures.get("transactions").asLong(), unbalanced),
                new Check("no negative wallet or escrow", accounts, negative),
                new Check("every fen WeChat Pay reported is in the ledger once", 1, moneyIn));
    }

    private Map<String, List<Map<String, Object>>> ledgerOfTheRun(List<Map<String, Object>> packets) {
        String ids = packets.isEmpty() ? "0"
                : packets.stream().map(p -> p.get("id").toString()).collect(Collectors.joining(","));
        Map<String, List<Map<String, Object>>> txns = new HashMap<>();
        Db.SETTLEMENT.rows("""
                        SELECT t.business_key, t.kind, e.account_kind, e.owner_id, e.amount
                        FROM ledger_txn t JOIN ledger_entry e ON e.txn_id = t.id
                        WHERE t.id IN (SELECT txn_id FROM ledger_entry
                                       WHERE (account_kind = 'WALLET' AND owner_id IN (%s))
                                          OR (account_kind = 'ESCROW' AND owner_id IN (%s)))""".formatted(users, ids))
                .forEach(r -> txns.computeIfAbsent((String) r.get("business_key"), k -> new ArrayList<>()).add(r));
        return txns;
    }

    /** Every payment made at WeChat Pay reached payment-service once, with WeChat Pay's transaction id. */
    private Check paymentsReachedPaymentService(Map<String, Map<String, Object>> orders) {
        List<String> bad = new ArrayList<>();
        for (Workload.Payment paid : workload.payments.values()) {
            Map<String, Object> order = orders.get(paid.outTradeNo());
            if (order == null) {
                bad.add(paid.outTradeNo() + ": paid at WeChat Pay, unknown to payment-service");
            } else if (!"SUCCEEDED".equals(order.get("status"))
                    || !paid.transactionId().equals(order.get("transaction_id"))
                    || ((Number) order.get("reported")).longValue() != 1) {
                bad.add(paid.outTradeNo() + ": paid as " + paid.transactionId() + ", payment-service has "
                        + order.get("status") + " " + order.get("transaction_id") + " (" + order.get("reported")
                        + " transactions stored)");
            }
        }
        orders.values().stream()
                .filter(o -> !workload.payments.containsKey((String) o.get("out_trade_no")))
                .filter(o -> !"PENDING".equals(o.get("status")) || ((Number) o.get("reported")).longValue() != 0)
                .forEach(o -> bad.add(o.get("out_trade_no") + ": never paid, yet " + o.get("status")));
        return new Check("every payment made at WeChat Pay reached payment-service once", orders.size(), bad);
    }

    /** A SUCCEEDED order moved its amount once: into the wallet (top-up) or the packet's escrow (packet). */
    private static Check paidOrdersReflectedOnce(Map<String, Map<String, Object>> orders,
                                                 Map<String, List<Map<String, Object>>> txns) {
        List<String> bad = new ArrayList<>();
        long paid = 0;
        for (Map<String, Object> order : orders.values()) {
            if (!"SUCCEEDED".equals(order.get("status"))) {
                continue;
            }
            paid++;
            String tx = (String) order.get("transaction_id");
            long amount = ((Number) order.get("amount")).longValue();
            boolean topUp = "TOPUP".equals(order.get("purpose"));
            String key = topUp ? "TOPUP:" + tx : "PACKET_FUNDED:" + order.get("reference_id");
            String account = topUp ? "WALLET" : "ESCROW";
            long owner = ((Number) order.get(topUp ? "user_id" : "reference_id")).longValue();
            if (credited(txns.get(key), account, owner) != amount) {
                bad.add(order.get("out_trade_no") + " (" + amount + " fen): " + key + " moved "
                        + credited(txns.get(key), account, owner) + " into " + account + ":" + owner);
            }
            if (txns.containsKey("RETURNED:" + tx)) {
                bad.add(order.get("out_trade_no") + ": also returned to the payer (" + "RETURNED:" + tx + ")");
            }
        }
        return new Check("every paid order reflected once in settlement", paid, bad);
    }

    /** Nothing is left half-done: a packet is finished, expired or cancelled; no paid order leaves it unpaid. */
    private static Check packetsEnded(List<Map<String, Object>> packets, Map<String, Map<String, Object>> orders) {
        List<String> bad = new ArrayList<>();
        for (Map<String, Object> p : packets) {
            String status = (String) p.get("status");
            if (List.of("FINISHED", "EXPIRED", "CANCELLED").contains(status)) {
                continue;
            }
            Map<String, Object> order = p.get("out_trade_no") == null ? null : orders.get((String) p.get("out_trade_no"));
            boolean neverPaid = order != null && "PENDING".equals(order.get("status"));
            if (!neverPaid) {
                bad.add("packet " + p.get("id") + " (" + p.get("pay_channel") + ", pay status " + p.get("pay_status")
                        + ") still " + status + ", expiry " + p.get("expires_at")
                        + (order == null ? "" : ", order " + order.get("status")));
            }
        }
        return new Check("every packet finished, expired or cancelled", packets.size(), bad);
    }

    /** Per packet: claimed + refunded = total, the refunded column agrees, a finished one was fully claimed. */
    private static Check sharesAddUp(List<Map<String, Object>> packets, List<Map<String, Object>> shares) {
        Map<Long, List<Map<String, Object>>> byPacket = group(shares);
        List<String> bad = new ArrayList<>();
        long checked = 0;
        for (Map<String, Object> p : packets) {
            if (!funded(p) || !List.of("FINISHED", "EXPIRED").contains((String) p.get("status"))) {
                continue;
            }
            checked++;
            List<Map<String, Object>> own = byPacket.getOrDefault(id(p), List.of());
            long claimed = own.stream().filter(Oracle::claimed).mapToLong(s -> amount(s)).sum();
            long refunded = own.stream().filter(s -> flag(s, "refunded")).mapToLong(s -> amount(s)).sum();
            long total = ((Number) p.get("total_amount")).longValue();
            long refundedColumn = ((Number) p.get("refunded_amount")).longValue();
            if (claimed + refunded != total || refunded != refundedColumn
                    || ("FINISHED".equals(p.get("status")) && claimed != total)) {
                bad.add("packet " + id(p) + " " + p.get("status") + ": total " + total + ", claimed " + claimed
                        + ", refunded shares " + refunded + ", refunded_amount " + refundedColumn);
            }
        }
        return new Check("per packet: claimed + refunded = total", checked, bad);
    }

    /** A paid packet's escrow was funded once, with its total, from the sender's wallet or from WeChat Pay. */
    private static Check fundedOnce(List<Map<String, Object>> packets, Map<String, List<Map<String, Object>>> txns) {
        List<String> bad = new ArrayList<>();
        long checked = 0;
        for (Map<String, Object> p : packets) {
            List<Map<String, Object>> funding = txns.get("PACKET_FUNDED:" + id(p));
            if (!funded(p)) {
                if (funding != null) {
                    bad.add("packet " + id(p) + " is not paid, yet its escrow was funded");
                }
                continue;
            }
            checked++;
            long total = ((Number) p.get("total_amount")).longValue();
            if (credited(funding, "ESCROW", id(p)) != total) {
                bad.add("packet " + id(p) + ": escrow funded with " + credited(funding, "ESCROW", id(p)) + " of "
                        + total);
            } else if ("BALANCE".equals(p.get("pay_channel"))
                    && credited(funding, "WALLET", ((Number) p.get("sender_id")).longValue()) != -total) {
                bad.add("packet " + id(p) + ": the sender's wallet paid "
                        + -credited(funding, "WALLET", ((Number) p.get("sender_id")).longValue()) + " of " + total);
            }
        }
        return new Check("every paid packet funded once", checked, bad);
    }

    /** Each claimed share of a paid packet moved once from escrow to its receiver's wallet, and packet-service knows. */
    private static Check claimsCreditedOnce(List<Map<String, Object>> packets, List<Map<String, Object>> shares,
                                            Map<String, List<Map<String, Object>>> txns) {
        Map<Long, Map<String, Object>> byId = new HashMap<>();
        packets.forEach(p -> byId.put(id(p), p));
        List<String> bad = new ArrayList<>();
        long checked = 0;
        for (Map<String, Object> s : shares) {
            Map<String, Object> p = byId.get(((Number) s.get("packet_id")).longValue());
            String key = "CLAIM:" + s.get("packet_id") + ":" + s.get("seq");
            List<Map<String, Object>> claim = txns.get(key);
            if (!claimed(s) || !funded(p)) {
                if (claim != null) {
                    bad.add(key + " credited, but the share is " + (claimed(s) ? "of an unpaid packet" : "not claimed"));
                }
                continue;
            }
            checked++;
            long receiver = ((Number) s.get("receiver")).longValue();
            if (credited(claim, "WALLET", receiver) != amount(s)) {
                bad.add(key + ": " + amount(s) + " fen for user " + receiver + ", credited "
                        + credited(claim, "WALLET", receiver));
            } else if (!flag(s, "is_into_account")) {
                bad.add(key + ": credited in the ledger, packet-service still shows it not credited");
            }
        }
        return new Check("every claim credited exactly once", checked, bad);
    }

    /** An expired paid packet's unclaimed shares went back to the sender once, exactly their sum. */
    private static Check refundedOnce(List<Map<String, Object>> packets, Map<String, List<Map<String, Object>>> txns) {
        List<String> bad = new ArrayList<>();
        long checked = 0;
        for (Map<String, Object> p : packets) {
            List<Map<String, Object>> refund = txns.get("REFUND:" + id(p));
            long due = ((Number) p.get("refunded_amount")).longValue();
            if (!funded(p) || !"EXPIRED".equals(p.get("status")) || due == 0) {
                if (refund != null) {
                    bad.add("packet " + id(p) + " " + p.get("status") + " refunded although nothing was due");
                }
                continue;
            }
            checked++;
            long sender = ((Number) p.get("sender_id")).longValue();
            if (credited(refund, "WALLET", sender) != due) {
                bad.add("packet " + id(p) + ": " + due + " fen due back, sender credited " + credited(refund, "WALLET", sender));
            } else if (p.get("refund_settled_at") == null) {
                bad.add("packet " + id(p) + ": refunded in the ledger, packet-service never heard");
            }
        }
        return new Check("every expired packet refunded once", checked, bad);
    }

    /** Every GRABBED the app was told is a share in MySQL: same user, seq and amount. */
    private Check grabAnswersHeld(List<Map<String, Object>> shares) {
        Map<String, Map<String, Object>> byReceiver = new HashMap<>();
        shares.stream().filter(Oracle::claimed)
                .forEach(s -> byReceiver.put(s.get("packet_id") + ":" + s.get("receiver"), s));
        List<String> bad = new ArrayList<>();
        for (Workload.Grabbed g : workload.grabs) {
            Map<String, Object> share = byReceiver.get(g.packetId() + ":" + g.userId());
            if (share == null || amount(share) != g.amount()
                    || (g.seq() != 0 && ((Number) share.get("seq")).intValue() != g.seq())) {
                bad.add("user " + g.userId() + " was told " + g.amount() + " fen (seq " + g.seq() + ") of packet "
                        + g.packetId() + "; MySQL has " + (share == null ? "no share" : share));
            }
        }
        return new Check("every GRABBED answer is a claimed share", workload.grabs.size(), bad);
    }

    /** Every packet a send answered 201 for exists, with the amount the app was told. */
    private Check sentAnswersHeld(List<Map<String, Object>> packets) {
        Map<String, Map<String, Object>> byId = new HashMap<>();
        packets.forEach(p -> byId.put(p.get("id").toString(), p));
        List<String> bad = new ArrayList<>();
        for (Workload.Sent sent : workload.packets.values()) {
            Map<String, Object> p = byId.get(sent.id());
            if (p == null || ((Number) p.get("total_amount")).longValue() != sent.total()) {
                bad.add("packet " + sent.id() + " answered 201 with " + sent.total() + " fen; MySQL has " + p);
            } else if ("BALANCE".equals(sent.payChannel()) && !funded(p)) {
                bad.add("BALANCE packet " + sent.id() + " answered 201 but is not paid");
            }
        }
        return new Check("every send answered 201 is a packet", workload.packets.size(), bad);
    }

    /**
     * Each wallet holds exactly what the other services' truth says it must: paid top-ups, minus BALANCE packets
     * sent, plus shares grabbed from paid packets, plus refunds of expired ones; through the gateway too.
     */
    private Check walletsMatchEveryServicesTruth(Map<String, Map<String, Object>> orders,
                                                 List<Map<String, Object>> packets, List<Map<String, Object>> shares) {
        Map<Long, Long> expected = new LinkedHashMap<>();
        workload.userIds().forEach(u -> expected.put(u, 0L));
        orders.values().stream().filter(o -> "TOPUP".equals(o.get("purpose")) && "SUCCEEDED".equals(o.get("status")))
                .forEach(o -> expected.merge(((Number) o.get("user_id")).longValue(), amount(o), Long::sum));
        Map<Long, Map<String, Object>> byId = new HashMap<>();
        for (Map<String, Object> p : packets) {
            byId.put(id(p), p);
            long sender = ((Number) p.get("sender_id")).longValue();
            if (funded(p) && "BALANCE".equals(p.get("pay_channel"))) {
                expected.merge(sender, -((Number) p.get("total_amount")).longValue(), Long::sum);
            }
            if (funded(p) && "EXPIRED".equals(p.get("status"))) {
                expected.merge(sender, ((Number) p.get("refunded_amount")).longValue(), Long::sum);
            }
        }
        shares.stream().filter(s -> claimed(s) && funded(byId.get(((Number) s.get("packet_id")).longValue())))
                .forEach(s -> expected.merge(((Number) s.get("receiver")).longValue(), amount(s), Long::sum));
        Map<Long, Long> actual = new HashMap<>();
        Db.SETTLEMENT.rows("SELECT owner_id, balance FROM account WHERE kind = 'WALLET' AND owner_id IN (%s)"
                .formatted(users)).forEach(r -> actual.put(((Number) r.get("owner_id")).longValue(),
                ((Number) r.get("balance")).longValue()));
        List<String> bad = new ArrayList<>();
        expected.forEach((user, want) -> {
            long ledger = actual.getOrDefault(user, 0L);
            long shown = Wallets.balance(workload.user(user));
            if (ledger != want || shown != want) {
                bad.add("user " + user + ": the other services say " + want + " fen, the ledger " + ledger
                        + ", GET /api/wallet " + shown);
            }
        });
        return new Check("every wallet = top-ups - sent + grabbed + refunded", expected.size(), bad);
    }

    private static long credited(List<Map<String, Object>> txn, String account, long owner) {
        if (txn == null) {
            return 0;
        }
        return txn.stream().filter(e -> account.equals(e.get("account_kind"))
                && ((Number) e.get("owner_id")).longValue() == owner).mapToLong(Oracle::amount).sum();
    }

    private static boolean funded(Map<String, Object> packet) {
        return packet != null && ((Number) packet.get("pay_status")).intValue() == 1
                && !"CANCELLED".equals(packet.get("status"));
    }

    private static boolean claimed(Map<String, Object> share) {
        return share.get("receiver") != null && !flag(share, "voided");
    }

    private static boolean flag(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private static long id(Map<String, Object> packet) {
        return ((Number) packet.get("id")).longValue();
    }

    private static long amount(Map<String, Object> row) {
        return ((Number) row.get("amount")).longValue();
    }

    private static Map<Long, List<Map<String, Object>>> group(List<Map<String, Object>> shares) {
        Map<Long, List<Map<String, Object>>> byPacket = new HashMap<>();
        shares.forEach(s -> byPacket.computeIfAbsent(((Number) s.get("packet_id")).longValue(), k -> new ArrayList<>())
                .add(s));
        return byPacket;
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows, String column) {
        Map<String, Map<String, Object>> map = new LinkedHashMap<>();
        rows.forEach(r -> map.put(Objects.toString(r.get(column)), r));
        return map;
    }

    /** The first few violations of each rule, for the report and the assertion message. */
    static List<String> shown(List<String> violations) {
        return violations.subList(0, Math.min(SHOWN, violations.size()));
    }
}
