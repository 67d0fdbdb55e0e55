package com.redpacket.e2e.badinput;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.TestUser;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static com.redpacket.e2e.badinput.Case.Expect.EITHER;
import static com.redpacket.e2e.badinput.Case.Expect.HARMLESS;
import static com.redpacket.e2e.badinput.Case.Expect.REJECT;

/**
 * The bad-input corpus: for every public endpoint of API.md, malformed JSON, wrong content types, oversized bodies,
 * every field with the wrong type, huge, negative and fractional numbers, overlong and odd Unicode, SQL and script
 * injection, bad ids in paths and queries, wrong methods, forged tokens, bad Idempotency-Keys, and forged WeChat Pay
 * notifications. Bodies are built from raw JSON fragments so that a value JSON cannot hold in a long (or at all)
 * can be sent as written.
 */
final class Corpus {
    /** The users, group, packets and top-up the corpus aims at; their state is what must not change. */
    record Fixture(TestUser caller, TestUser friend, String groupId, String packetId, String wechatPacketId,
                   String topupId, String topupOutTradeNo, long topupAmount) {
    }

    private enum Kind { NUMBER, STRING, ID, IDS, ENUM }

    private record Field(String name, Kind kind, boolean required, String valid) {
    }

    private record Endpoint(String name, String method, String path, boolean authenticated,
                            Supplier<Map<String, String>> body, List<Field> fields) {
    }

    private static final String[] INJECTIONS = {"' OR '1'='1", "1; DROP TABLE red_packet;--",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/a}", "{{7*7}}<%= 7*7 %>", "../../../etc/passwd"};
    private static final String[] BAD_IDS = {"abc", "-1", "0", "1 OR 1=1", "1;--", "99999999999999999999", "1e3",
            " 1", "0x1f", "", "١٢٣"};
    private static final String[] BAD_PATH_IDS = {"abc", "-1", "0", "99999999999999999999", "1.5", "%00",
            "1%20OR%201%3D1", "%27--", "1".repeat(5_000)};
    private static final String[] BAD_QUERIES = {"limit=abc", "limit=99999999999999999999", "limit=1e2", "limit=-5",
            "cursor=%27%20OR%201%3D1--", "cursor=%00", "cursor=AAAA", "cursor=" + "A".repeat(5_000),
            "limit=&cursor="};

    private final Fixture f;
    private final Forgeries forgeries;
    private final AtomicInteger usernames = new AtomicInteger();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final List<Case> cases = new ArrayList<>();

    Corpus(Fixture fixture, Forgeries forgeries) {
        this.f = fixture;
        this.forgeries = forgeries;
    }

    List<Case> build() {
        for (Endpoint e : endpoints()) {
            if (e.body() != null) {
                malformed(e);
                contentTypes(e);
                oversized(e);
                fields(e);
            }
            if (e.authenticated()) {
                tokens(e);
            }
            methods(e);
        }
        idempotencyKeys();
        paths();
        queries();
        notifications();
        return cases;
    }

    private List<Endpoint> endpoints() {
        List<Field> packet = List.of(new Field("type", Kind.ENUM, true, "\"GROUP_LUCKY\""),
                new Field("count", Kind.NUMBER, true, "2"), new Field("totalAmount", Kind.NUMBER, true, "200"),
                new Field("amountEach", Kind.NUMBER, false, null), new Field("greeting", Kind.STRING, false, "\"坏\""),
                new Field("groupId", Kind.ID, true, q(f.groupId())), new Field("receiverId", Kind.ID, false, null),
                new Field("payChannel", Kind.ENUM, true, "\"BALANCE\""),
                new Field("wechatChannel", Kind.ENUM, false, null), new Field("payerOpenId", Kind.STRING, false, null));
        return List.of(
                new Endpoint("POST /api/users/register", "POST", "/api/users/register", false,
                        () -> body("username", q(username()), "password", q("bad-input-1"), "nickname", q("坏输入")),
                        List.of(new Field("username", Kind.STRING, true, null),
                                new Field("password", Kind.STRING, true, q("bad-input-1")),
                                new Field("nickname", Kind.STRING, true, q("坏输入")))),
                new Endpoint("POST /api/users/login", "POST", "/api/users/login", false,
                        () -> body("username", q(f.caller().username()), "password", q("wrong-password")),
                        List.of(new Field("username", Kind.STRING, true, q(f.caller().username())),
                                new Field("password", Kind.STRING, true, q("wrong-password")))),
                new Endpoint("GET /api/users/me", "GET", "/api/users/me", true, null, List.of()),
                new Endpoint("POST /api/groups", "POST", "/api/groups", true,
                        () -> body("name", q("坏输入群"), "memberIds", "[" + q(f.friend().id()) + "]"),
                        List.of(new Field("name", Kind.STRING, true, q("坏输入群")),
                                new Field("memberIds", Kind.IDS, false, "[" + q(f.friend().id()) + "]"))),
                new Endpoint("POST /api/groups/{id}/members", "POST", "/api/groups/" + f.groupId() + "/members", true,
                        () -> body("userId", q("0")), List.of(new Field("userId", Kind.ID, true, q("0")))),
                new Endpoint("GET /api/groups/{id}", "GET", "/api/groups/" + f.groupId(), true, null, List.of()),
                new Endpoint("GET /api/wallet", "GET", "/api/wallet", true, null, List.of()),
                new Endpoint("GET /api/wallet/entries", "GET", "/api/wallet/entries", true, null, List.of()),
                new Endpoint("POST /api/wallet/topups", "POST", "/api/wallet/topups", true,
                        () -> body("amount", "100", "channel", q("NATIVE")),
                        List.of(new Field("amount", Kind.NUMBER, true, "100"),
                                new Field("channel", Kind.ENUM, true, q("NATIVE")),
                                new Field("payerOpenId", Kind.STRING, false, null))),
                new Endpoint("GET /api/wallet/topups/{id}", "GET", "/api/wallet/topups/" + f.topupId(), true, null,
                        List.of()),
                new Endpoint("POST /api/packets", "POST", "/api/packets", true, () -> body(packet), packet),
                new Endpoint("POST /api/packets/{id}/client-paid", "POST",
                        "/api/packets/" + f.wechatPacketId() + "/client-paid", true, null, List.of()),
                new Endpoint("GET /api/packets/{id}", "GET", "/api/packets/" + f.packetId(), true, null, List.of()),
                new Endpoint("POST /api/packets/{id}/grab", "POST", "/api/packets/" + f.packetId() + "/grab", true, null,
                        List.of()),
                new Endpoint("GET /api/packets/sent", "GET", "/api/packets/sent", true, null, List.of()),
                new Endpoint("GET /api/packets/received", "GET", "/api/packets/received", true, null, List.of()),
                new Endpoint("POST /pay/notify/wechat", "POST", "/pay/notify/wechat", false,
                        () -> body("id", q("EV-" + run), "event_type", q("TRANSACTION.SUCCESS"),
                                "resource_type", q("encrypt-resource"), "resource", "{\"algorithm\":\"AEAD_AES_256_GCM\","
                                        + "\"ciphertext\":\"AAAA\",\"nonce\":\"abcdefghijkl\"}"),
                        List.of(new Field("event_type", Kind.ENUM, true, q("TRANSACTION.SUCCESS")))));
    }

    /** Broken JSON, and JSON that is not an object. The valid body's endpoint, the caller's token. */
    private void malformed(Endpoint e) {
        String[][] bodies = {{"empty body", ""}, {"unclosed object", "{"}, {"cut after a key", "{\"a\":"},
                {"not JSON", "not json"}, {"an array", "[]"}, {"null", "null"}, {"a string", "\"text\""},
                {"a number", "42"}, {"trailing garbage", json(e.body().get()) + "garbage"},
                {"trailing comma", "{\"a\":1,}"}, {"single quotes", "{'a':1}"}, {"a comment", "{\"a\":1/*c*/}"},
                {"100,000 nested arrays", "[".repeat(100_000)}, {"duplicate keys", "{\"a\":1,\"a\":2}"}};
        for (String[] b : bodies) {
            add(e, "malformed JSON", b[0], b[1], REJECT);
        }
        cases.add(request(e, "malformed JSON", "invalid UTF-8 inside a string", "", REJECT)
                .bytes(concat("{\"a\":\"".getBytes(StandardCharsets.UTF_8), new byte[]{(byte) 0xC3, 0x28},
                        "\"}".getBytes(StandardCharsets.UTF_8))));
        add(e, "malformed JSON", "raw NUL byte between tokens", "{\u0000}", REJECT);
    }

    private void contentTypes(Endpoint e) {
        String[] types = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x"};
        for (String type : types) {
            cases.add(request(e, "wrong content type", type, json(e.body().get()), REJECT).header("Content-Type", type));
        }
        // JSON names no charset of its own and its encoding shows in its first bytes: a parser may read UTF-8 whatever
        // the header claims
        cases.add(request(e, "wrong content type", "UTF-8 bytes declared UTF-16", json(e.body().get()), EITHER)
                .header("Content-Type", "application/json; charset=UTF-16"));
        cases.add(request(e, "wrong content type", "no Content-Type", json(e.body().get()), REJECT)
                .header("Content-Type", null));
    }

    private void oversized(Endpoint e) {
        Map<String, String> big = e.body().get();
        big.put("padding", q("x".repeat(70_000)));
        add(e, "oversized body", "70 KB (limit 64 KB)", json(big), REJECT);
        big.put("padding", q("x".repeat(2_000_000)));
        add(e, "oversized body", "2 MB", json(big), REJECT);
        cases.add(request(e, "oversized body", "1 MB chunked, no Content-Length", json(Map.of("padding",
                q("x".repeat(1_000_000)))), REJECT).withoutLength());
    }

    /** Every field of the body: missing, null, the wrong JSON type, and the bad values of its kind. */
    private void fields(Endpoint e) {
        for (Field field : e.fields()) {
            Case.Expect absent = field.required() ? REJECT : EITHER;
            mutate(e, field, "wrong type", "missing", null, absent);
            mutate(e, field, "wrong type", "null", "null", absent);
            // payerOpenId counts only for a JSAPI order, and the corpus's bodies pay otherwise: it is never read
            Case.Expect wrong = field.name().equals("payerOpenId") ? EITHER : REJECT;
            mutate(e, field, "wrong type", "an object", "{\"a\":1}", wrong);
            mutate(e, field, "wrong type", "an array", "[1]", wrong);
            mutate(e, field, "wrong type", "a boolean", "true", wrong);
            switch (field.kind()) {
                case NUMBER -> numbers(e, field);
                case STRING -> strings(e, field);
                case ID -> ids(e, field);
                case IDS -> idLists(e, field);
                case ENUM -> enums(e, field);
            }
        }
    }

    private void numbers(Endpoint e, Field field) {
        mutate(e, field, "wrong type", "a word", "\"abc\"", REJECT);
        mutate(e, field, "wrong type", "digits in a string", "\"2\"", EITHER);
        String[][] huge = {{"Long.MAX_VALUE", "9223372036854775807"}, {"Long.MAX_VALUE + 1", "9223372036854775808"},
                {"Long.MIN_VALUE - 1", "-9223372036854775809"}, {"30 digits", "123456789012345678901234567890"},
                {"1e400", "1e400"}, {"2^31", "2147483648"}, {"NaN", "NaN"}, {"Infinity", "Infinity"},
                {"hex", "0x10"}};
        for (String[] h : huge) {
            mutate(e, field, "huge number", h[0], h[1], REJECT);
        }
        String[][] small = {{"zero", "0"}, {"minus one", "-1"}, {"Long.MIN_VALUE", "-9223372036854775808"},
                {"minus zero", "-0"}};
        for (String[] s : small) {
            mutate(e, field, "negative or zero amount", s[0], s[1], REJECT);
        }
        // a fraction must not be cut to an integer: 2.5 shares, 200.5 fen are refused, never read as 2 or 200
        mutate(e, field, "fractional amount", "a fraction", "2.5", REJECT);
        mutate(e, field, "fractional amount", "a fraction of the valid value", field.valid() == null ? "200.5"
                : field.valid() + ".5", REJECT);
        mutate(e, field, "fractional amount", "an integral float", field.valid() == null ? "2.0" : field.valid() + ".0",
                EITHER);
    }

    private void strings(Endpoint e, Field field) {
        boolean greeting = field.name().equals("greeting");
        // payerOpenId only counts for a JSAPI order, and the corpus's bodies pay otherwise: whatever it holds is ignored
        boolean ignored = field.name().equals("payerOpenId");
        Case.Expect bad = ignored ? EITHER : REJECT;
        boolean display = greeting || field.name().equals("nickname") || field.name().equals("name");
        Case.Expect odd = display || ignored || field.name().equals("password") ? EITHER : REJECT;
        mutate(e, field, "wrong type", "a number", "12345", EITHER);
        mutate(e, field, "overlong string", "empty", q(""), greeting ? EITHER : bad);
        mutate(e, field, "overlong string", "blank", q("   "), greeting ? EITHER : bad);
        mutate(e, field, "overlong string", "26 characters", q("红".repeat(26)), greeting ? REJECT : EITHER);
        mutate(e, field, "overlong string", "73 characters", q("长".repeat(73)), bad);
        mutate(e, field, "overlong string", "10,000 characters", q("长".repeat(10_000)), bad);
        unicode(e, field, "emoji", "🧧恭喜发财🧧", odd, display);
        unicode(e, field, "ZWJ family emoji x3", "👨‍👩‍👧‍👦".repeat(3), odd, display);
        unicode(e, field, "ZWJ family emoji x4", "👨‍👩‍👧‍👦".repeat(4), odd, display);
        boolean anyText = greeting || ignored || field.name().equals("password");
        unicode(e, field, "right-to-left override", "\u202Egnp.exe", anyText ? EITHER : REJECT, display);
        unicode(e, field, "NUL inside", "a\u0000b", greeting || ignored ? EITHER : REJECT, display);
        unicode(e, field, "byte order mark", "\uFEFF恭喜", odd, display);
        unicode(e, field, "combining accents", "e\u0301".repeat(5), odd, display);
        unicode(e, field, "zero-width space", "a\u200Bb", odd, display);
        unicode(e, field, "line separator", "a\u2028b", odd, display);
        mutate(e, field, "odd Unicode", "unpaired high surrogate (escaped)", "\"a\\ud800b\"", odd);
        mutate(e, field, "odd Unicode", "unpaired low surrogate (escaped)", "\"\\udc00\"", odd);
        for (String injection : INJECTIONS) {
            unicode(e, field, injection, injection, odd, display);
        }
    }

    /** A string value that, where the answer shows the field and the call was accepted, must come back unchanged. */
    private void unicode(Endpoint e, Field field, String name, String value, Case.Expect expect, boolean display) {
        String category = List.of(INJECTIONS).contains(value) ? "SQL/script injection" : "odd Unicode";
        Case c = mutate(e, field, category, name, q(value), expect);
        if (display && expect == EITHER) {
            cases.set(cases.size() - 1, c.echo(field.name(), value));
        }
    }

    private void ids(Endpoint e, Field field) {
        mutate(e, field, "wrong type", "a number", field.valid() == null ? "12345" : field.valid().replace("\"", ""),
                EITHER);
        for (String id : BAD_IDS) {
            mutate(e, field, "bad id", id.isEmpty() ? "empty" : id, q(id), REJECT);
        }
        for (String injection : INJECTIONS) {
            mutate(e, field, "SQL/script injection", injection, q(injection), REJECT);
        }
    }

    private void idLists(Endpoint e, Field field) {
        mutate(e, field, "bad id", "empty list", "[]", EITHER);
        mutate(e, field, "bad id", "a word", "[\"abc\"]", REJECT);
        mutate(e, field, "bad id", "a null member", "[null]", REJECT);
        mutate(e, field, "bad id", "nested list", "[[1]]", REJECT);
        mutate(e, field, "bad id", "negative", "[\"-1\"]", REJECT);
        mutate(e, field, "bad id", "injection", "[" + q("1 OR 1=1") + "]", REJECT);
        mutate(e, field, "bad id", "the caller", "[" + q(f.caller().id()) + "]", EITHER);
        mutate(e, field, "bad id", "the same member twice", "[" + q(f.friend().id()) + "," + q(f.friend().id()) + "]",
                EITHER);
        StringBuilder many = new StringBuilder("[");
        for (int i = 1; i <= 2_500; i++) {
            many.append(i > 1 ? "," : "").append(q(Integer.toString(i)));
        }
        mutate(e, field, "huge number", "2,500 unknown members", many.append("]").toString(), REJECT);
    }

    private void enums(Endpoint e, Field field) {
        mutate(e, field, "wrong type", "a number", "1", REJECT);
        String[][] values = {{"empty", ""}, {"lower case", field.valid() == null ? "native"
                : field.valid().replace("\"", "").toLowerCase()}, {"padded", " X "}, {"unknown", "RED_PACKET"},
                {"1,000 characters", "X".repeat(1_000)}, {"NUL inside", "A\u0000B"}};
        for (String[] v : values) {
            mutate(e, field, "bad enum value", v[0], q(v[1]), v[0].equals("lower case") ? EITHER : REJECT);
        }
        for (String injection : INJECTIONS) {
            mutate(e, field, "SQL/script injection", injection, q(injection), REJECT);
        }
    }

    /** Every forged or missing bearer token on every authenticated call: 401 and nothing happens. */
    private void tokens(Endpoint e) {
        forgeries.authorizations(f.caller()).forEach((name, value) -> {
            Case c = request(e, "forged or missing token", name, e.body() == null ? null : json(e.body().get()), REJECT)
                    .header("Authorization", value);
            cases.add(c);
        });
    }

    private void methods(Endpoint e) {
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            Case base = request(e, "wrong method", method, null, REJECT);
            cases.add(new Case(base.endpoint(), base.category(), base.name(), method, base.path(), base.headers(), null,
                    false, REJECT, null, null));
        }
    }

    private void idempotencyKeys() {
        for (Endpoint e : endpoints()) {
            if (!e.name().equals("POST /api/packets") && !e.name().equals("POST /api/wallet/topups")) {
                continue;
            }
            String[][] keys = {{"empty", ""}, {"blank", " "}, {"65 characters", "k".repeat(65)},
                    {"a space inside", "a b"}, {"a tab", "a\tb"}, {"injection", "' OR '1'='1"}};
            for (String[] k : keys) {
                Case.Expect expect = k[0].equals("injection") ? EITHER : REJECT;
                cases.add(request(e, "bad Idempotency-Key", k[0], json(e.body().get()), expect)
                        .header("Idempotency-Key", k[1]));
            }
        }
    }

    private void paths() {
        String token = "Bearer " + f.caller().token();
        String[][] templates = {{"GET /api/packets/{id}", "GET", "/api/packets/%s"},
                {"POST /api/packets/{id}/grab", "POST", "/api/packets/%s/grab"},
                {"POST /api/packets/{id}/client-paid", "POST", "/api/packets/%s/client-paid"},
                {"GET /api/groups/{id}", "GET", "/api/groups/%s"},
                {"POST /api/groups/{id}/members", "POST", "/api/groups/%s/members"},
                {"GET /api/wallet/topups/{id}", "GET", "/api/wallet/topups/%s"}};
        for (String[] t : templates) {
            for (String id : BAD_PATH_IDS) {
                String body = t[0].endsWith("members") ? "{\"userId\":" + q(f.friend().id()) + "}" : null;
                Map<String, String> headers = new LinkedHashMap<>(Map.of("Authorization", token));
                if (body != null) {
                    headers.put("Content-Type", "application/json");
                }
                cases.add(Case.of(t[0], "bad id in the path", id.length() > 40 ? "5,000 digits" : id, t[1],
                        t[2].formatted(id), headers, body, REJECT));
            }
        }
    }

    private void queries() {
        String token = "Bearer " + f.caller().token();
        for (String list : List.of("/api/packets/sent", "/api/packets/received", "/api/wallet/entries")) {
            for (String query : BAD_QUERIES) {
                Case.Expect expect = query.equals("limit=&cursor=") ? EITHER : REJECT;
                cases.add(Case.of("GET " + list, "bad paging query", query.length() > 40 ? "cursor of 5,000 characters"
                        : query, "GET", list + "?" + query, Map.of("Authorization", token), null, expect));
            }
        }
    }

    /** WeChat Pay notifications that must not count as a payment: forged, stale, tampered, about the wrong order. */
    private void notifications() {
        Instant now = Instant.now();
        Map<String, Object> paid = transaction(f.topupOutTradeNo(), f.topupAmount(), "SUCCESS");
        Forgeries.SignedNotification real = forgeries.notification(paid, now);
        notify("unsigned", real.body(), Map.of(), REJECT);
        Map<String, String> badSignature = new LinkedHashMap<>(real.headers());
        badSignature.put("Wechatpay-Signature", "c2lnbmF0dXJl");
        notify("signature that does not verify", real.body(), badSignature, REJECT);
        Map<String, String> serial = new LinkedHashMap<>(real.headers());
        serial.put("Wechatpay-Serial", "PUB_KEY_ID_UNKNOWN");
        notify("unknown platform key serial", real.body(), serial, REJECT);
        notify("body changed after signing", real.body().replace("\"id\":\"", "\"id\":\"X"), real.headers(), REJECT);
        Forgeries.SignedNotification stale = forgeries.notification(paid, now.minusSeconds(600));
        notify("signed 10 minutes ago", stale.body(), stale.headers(), REJECT);
        Forgeries.SignedNotification future = forgeries.notification(paid, now.plusSeconds(600));
        notify("signed 10 minutes ahead", future.body(), future.headers(), REJECT);
        Forgeries.SignedNotification wrongAmount = forgeries.notification(
                transaction(f.topupOutTradeNo(), f.topupAmount() + 1, "SUCCESS"), now);
        notify("signed, amount differs from the order", wrongAmount.body(), wrongAmount.headers(), REJECT);
        Forgeries.SignedNotification unknown = forgeries.notification(
                transaction("T9999999999999999999", 100, "SUCCESS"), now);
        notify("signed, unknown order", unknown.body(), unknown.headers(), REJECT);
        Map<String, Object> otherMerchant = new LinkedHashMap<>(paid);
        otherMerchant.put("mchid", "1230000109");
        Forgeries.SignedNotification foreign = forgeries.notification(otherMerchant, now);
        notify("signed, another merchant", foreign.body(), foreign.headers(), REJECT);
        Forgeries.SignedNotification notPaid = forgeries.notification(
                transaction(f.topupOutTradeNo(), f.topupAmount(), "NOTPAY"), now);
        notify("signed, trade state NOTPAY", notPaid.body(), notPaid.headers(), HARMLESS);
        String garbled = real.body().replaceFirst("\"ciphertext\":\"[A-Za-z0-9+/]{8}", "\"ciphertext\":\"AAAAAAAA");
        notify("signed, ciphertext that does not decrypt", garbled, forgeries.sign(garbled, now), REJECT);
        notify("signed over another body", json(body("id", q("x"))), real.headers(), REJECT);
    }

    private void notify(String name, String body, Map<String, String> headers, Case.Expect expect) {
        cases.add(Case.of("POST /pay/notify/wechat", "forged notification", name, "POST", "/pay/notify/wechat",
                withJson(headers), body, expect));
    }

    private Map<String, Object> transaction(String outTradeNo, long amount, String state) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("appid", forgeries.appid());
        t.put("mchid", forgeries.mchid());
        t.put("out_trade_no", outTradeNo);
        t.put("transaction_id", "4200000000" + run + "0000000000");
        t.put("trade_type", "NATIVE");
        t.put("trade_state", state);
        t.put("trade_state_desc", state);
        t.put("bank_type", "OTHERS");
        t.put("attach", "");
        t.put("success_time", "2026-01-01T00:00:00+08:00");
        t.put("payer", Map.of("openid", "o-bad-input"));
        t.put("amount", Map.of("total", amount, "payer_total", amount, "currency", "CNY", "payer_currency", "CNY"));
        return t;
    }

    private Case mutate(Endpoint e, Field field, String category, String name, String raw, Case.Expect expect) {
        Map<String, String> body = e.body().get();
        if (raw == null) {
            body.remove(field.name());
        } else {
            body.put(field.name(), raw);
        }
        return add(e, category, field.name() + ": " + name, json(body), expect);
    }

    private Case add(Endpoint e, String category, String name, String body, Case.Expect expect) {
        Case c = request(e, category, name, body, expect);
        cases.add(c);
        return c;
    }

    private Case request(Endpoint e, String category, String name, String body, Case.Expect expect) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (e.authenticated()) {
            headers.put("Authorization", "Bearer " + f.caller().token());
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return Case.of(e.name(), category, name, e.method(), e.path(), headers, body, expect);
    }

    private static Map<String, String> withJson(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return all;
    }

    private String username() {
        return "bi_" + run + "_" + usernames.incrementAndGet();
    }

    private static Map<String, String> body(String... pairs) {
        Map<String, String> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put(pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static Map<String, String> body(List<Field> fields) {
        Map<String, String> body = new LinkedHashMap<>();
        fields.stream().filter(x -> x.valid() != null).forEach(x -> body.put(x.name(), x.valid()));
        return body;
    }

    /** A JSON object from raw value fragments, in order. */
    private static String json(Map<String, String> raw) {
        StringBuilder s = new StringBuilder("{");
        raw.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append(q(k)).append(':').append(v));
        return s.append('}').toString();
    }

    /** A JSON string literal. */
    private static String q(String value) {
        return Api.JSON.writeValueAsString(value);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
