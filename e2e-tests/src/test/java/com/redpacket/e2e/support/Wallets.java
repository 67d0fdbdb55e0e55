package com.redpacket.e2e.support;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.payment.Emulator;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Wallets through the gateway: balances, statements page by page, and top-ups paid at the WeChat Pay emulator. */
public final class Wallets {
    private static final Api GATEWAY = Api.gateway();

    private Wallets() {
    }

    public static long balance(TestUser user) {
        Api.Answer wallet = GATEWAY.get("/api/wallet", user.token());
        Users.expect(wallet, 200, "wallet of " + user);
        return wallet.json().get("balance").asLong();
    }

    /** Tops the wallet up by {@code amount} fen through WeChat Pay and waits until settlement credited it. */
    public static void topUp(TestUser user, long amount) {
        long before = balance(user);
        Api.Answer created = GATEWAY.post("/api/wallet/topups", user.token(),
                Map.of("amount", amount, "channel", "NATIVE"));
        Users.expect(created, 201, "top-up for " + user);
        Emulator.pay(created.json().get("outTradeNo").asString(), "");
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(user) == before + amount);
    }

    /** Every entry of the statement, newest first, read {@code pageSize} at a time by following nextCursor. */
    public static List<JsonNode> entries(TestUser user, int pageSize) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Api.Answer page = GATEWAY.get("/api/wallet/entries?limit=" + pageSize
                    + (cursor == null ? "" : "&cursor=" + cursor), user.token());
            Users.expect(page, 200, "wallet entries of " + user);
            JsonNode body = page.json();
            body.get("items").forEach(all::add);
            cursor = body.hasNonNull("nextCursor") ? body.get("nextCursor").asString() : null;
        } while (cursor != null);
        return all;
    }
}
