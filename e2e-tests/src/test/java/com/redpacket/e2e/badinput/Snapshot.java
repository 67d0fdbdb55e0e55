package com.redpacket.e2e.badinput;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.Db;
import com.redpacket.e2e.support.Invariants;
import com.redpacket.e2e.support.TestUser;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a rejected call could have changed, as one comparable value: what the caller and the friend see
 * through the gateway (profile, wallets, statements, packet lists, the group, the fixture's packets and top-up),
 * the rows any service wrote since the corpus began (users, groups, memberships, packets, orders, WeChat Pay
 * transactions; read as root, read only), and settlement's invariant figures.
 */
record Snapshot(Map<String, String> parts) {
    private static final Api GATEWAY = Api.gateway();

    /** {@code figures}: with settlement's invariant figures (a scan of the whole ledger, so not around every call). */
    static Snapshot of(Corpus.Fixture f, Instant since, boolean figures) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (TestUser user : new TestUser[]{f.caller(), f.friend()}) {
            String who = user == f.caller() ? "caller " : "friend ";
            parts.put(who + "profile", read("/api/users/me", user));
            parts.put(who + "wallet", read("/api/wallet", user));
            parts.put(who + "entries", read("/api/wallet/entries?limit=100", user));
            parts.put(who + "sent", read("/api/packets/sent?limit=100", user));
            parts.put(who + "received", read("/api/packets/received?limit=100", user));
        }
        parts.put("group", read("/api/groups/" + f.groupId(), f.caller()));
        parts.put("packet", read("/api/packets/" + f.packetId(), f.caller()));
        parts.put("wechat packet", read("/api/packets/" + f.wechatPacketId(), f.caller()));
        parts.put("top-up", read("/api/wallet/topups/" + f.topupId(), f.caller()));
        // a literal with microseconds: mysql-connector-j drops a Timestamp's fraction on MariaDB (see platform SqlTime)
        String t = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC).format(since);
        parts.put("users written", count(Db.USER, "SELECT COUNT(*) FROM app_user WHERE created_at >= ?", t));
        parts.put("groups written", count(Db.USER, "SELECT COUNT(*) FROM chat_group WHERE created_at >= ?", t));
        parts.put("members written", count(Db.USER, "SELECT COUNT(*) FROM group_member WHERE joined_at >= ?", t));
        parts.put("packets written", count(Db.PACKET, "SELECT COUNT(*) FROM red_packet WHERE created_at >= ?", t));
        parts.put("orders written", count(Db.PAYMENT, "SELECT COUNT(*) FROM payment_order WHERE created_at >= ?", t));
        parts.put("WeChat Pay transactions stored", count(Db.PAYMENT,
                "SELECT COUNT(*) FROM wechat_transaction WHERE received_at >= ?", t));
        if (figures) {
            parts.put("invariant figures", Invariants.report().get("figures").toString());
        }
        return new Snapshot(parts);
    }

    /** The parts both have that differ, each as "name: before → after". */
    String differences(Snapshot after) {
        StringBuilder s = new StringBuilder();
        parts.forEach((name, before) -> {
            String now = after.parts().get(name);
            if (after.parts().containsKey(name) && !Objects.equals(before, now)) {
                s.append(s.isEmpty() ? "" : "; ").append(name).append(": ").append(abbreviate(before)).append(" → ")
                        .append(abbreviate(now));
            }
        });
        return s.toString();
    }

    private static String read(String path, TestUser user) {
        Api.Answer answer = GATEWAY.get(path, user.token());
        return answer.status() + " " + answer.body();
    }

    private static String count(Db db, String sql, String since) {
        return Long.toString(db.number(sql, since));
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }
}
