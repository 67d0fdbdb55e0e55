package com.redpacket.e2e.badinput;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.Groups;
import com.redpacket.e2e.support.Repo;
import com.redpacket.e2e.support.TestGroup;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.e2e.support.Users;
import com.redpacket.e2e.support.Wallets;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bad-input corpus ({@link Corpus}) fired through the gateway at every public endpoint of API.md: no answer is a
 * 5xx, every refusal is a problem body with a {@code code} (WeChat Pay's {@code {"code":"FAIL"}} on the notify
 * endpoint), nothing that had to be refused is accepted, and no refused call changes anything ({@link Snapshot}
 * before and after each endpoint's refusals, and around every call that could have been accepted). Runs first
 * ({@code @Order}), while no other test's events are in flight, and writes bench/BAD-INPUT.md.
 */
@Order(0)
class BadInputE2E {
    private static final int MAX_RATE_LIMIT_WAIT_MS = 2_000;

    private final Api gateway = Api.gateway();
    private final List<String> violations = new ArrayList<>();

    @Test
    void noBadInputGetsA5xxOrChangesAnything() {
        Corpus.Fixture fixture = fixture();
        List<Case> corpus = new Corpus(fixture, new Forgeries(fixture.friend())).build();
        BadInputReport report = new BadInputReport();
        Instant since = Instant.now();
        Snapshot before = settled(fixture, since);

        for (String endpoint : corpus.stream().map(Case::endpoint).distinct().toList()) {
            for (Case c : corpus.stream().filter(x -> x.endpoint().equals(endpoint) && x.expect() == Case.Expect.REJECT)
                    .toList()) {
                fire(c, report);
            }
            Snapshot after = Snapshot.of(fixture, since, true);
            String changed = before.differences(after);
            if (!changed.isEmpty()) {
                violations.add(endpoint + ": refused calls changed state: " + changed);
                report.stateChange(endpoint);
            }
            // calls that may be accepted: each one between two snapshots, so a refused one that changed something
            // is caught by itself
            Snapshot last = after;
            for (Case c : corpus.stream().filter(x -> x.endpoint().equals(endpoint) && x.expect() != Case.Expect.REJECT)
                    .toList()) {
                Api.Answer answer = fire(c, report);
                Snapshot now = Snapshot.of(fixture, since, false);
                changed = last.differences(now);
                boolean accepted = answer != null && answer.status() < 300;
                if (!changed.isEmpty() && (!accepted || c.expect() == Case.Expect.HARMLESS)) {
                    violations.add(describe(c) + ": changed state although " + (accepted ? "harmless" : "refused")
                            + ": " + changed);
                    report.stateChange(endpoint);
                }
                last = now;
            }
            before = Snapshot.of(fixture, since, true);
        }
        Path file = Repo.root().resolve("bench/BAD-INPUT.md");
        report.write(file, violations);
        assertThat(violations).as("bad-input violations (report: %s)", file).isEmpty();
    }

    /** The caller (a wallet to spend, a group, a packet with a share taken, an unpaid WeChat packet and top-up). */
    private Corpus.Fixture fixture() {
        TestUser caller = Users.register("坏输入");
        TestUser friend = Users.register("朋友");
        TestGroup group = Groups.create(caller, friend);
        Wallets.topUp(caller, 10_000);
        String packet = created(gateway.post("/api/packets", caller.token(), Map.of("type", "GROUP_LUCKY",
                "groupId", group.id(), "count", 2, "totalAmount", 200, "payChannel", "BALANCE")));
        assertThat(gateway.post("/api/packets/" + packet + "/grab", friend.token(), null).json().get("outcome")
                .asString()).isEqualTo("GRABBED");
        String wechat = created(gateway.post("/api/packets", caller.token(), Map.of("type", "SINGLE",
                "receiverId", friend.id(), "totalAmount", 100, "payChannel", "WECHAT")));
        Api.Answer topup = gateway.post("/api/wallet/topups", caller.token(), Map.of("amount", 777, "channel", "NATIVE"));
        assertThat(topup.status()).as(topup.body()).isEqualTo(201);
        return new Corpus.Fixture(caller, friend, group.id(), packet, wechat, topup.json().get("id").asString(),
                topup.json().get("outTradeNo").asString(), 777);
    }

    /** The first snapshot, once the fixture's own events have settled (two equal snapshots in a row). */
    private static Snapshot settled(Corpus.Fixture fixture, Instant since) {
        List<Snapshot> last = new ArrayList<>(List.of(Snapshot.of(fixture, since, true)));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Snapshot now = Snapshot.of(fixture, since, true);
            boolean same = last.getLast().differences(now).isEmpty();
            last.add(now);
            return same;
        });
        return last.getLast();
    }

    private Api.Answer fire(Case c, BadInputReport report) {
        Api.Answer answer = null;
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                answer = gateway.sendRaw(c.method(), c.path(), c.headers(), c.body(), c.chunked());
                if (answer.status() != 429 || retryAfterMs(answer) > MAX_RATE_LIMIT_WAIT_MS) {
                    break;
                }
                sleep(retryAfterMs(answer));
            }
        } catch (IllegalArgumentException e) {
            // the HTTP client itself refuses to send it (a header value it will not encode): nothing reached us
            report.count(c, "not sendable");
            return null;
        } catch (IllegalStateException e) {
            violations.add(describe(c) + ": no answer (" + e.getMessage() + ")");
            report.count(c, "no answer");
            return null;
        }
        report.count(c, Integer.toString(answer.status()));
        check(c, answer);
        return answer;
    }

    private void check(Case c, Api.Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            violations.add(describe(c) + ": " + status + " " + abbreviate(answer.body()));
            return;
        }
        if (status < 300) {
            if (c.expect() == Case.Expect.REJECT) {
                violations.add(describe(c) + ": accepted (" + status + ") " + abbreviate(answer.body()));
            } else if (c.echoField() != null) {
                JsonNode field = answer.json().get(c.echoField());
                if (field == null || !c.echoValue().equals(field.asString())) {
                    violations.add(describe(c) + ": accepted, but " + c.echoField() + " came back as " + field);
                }
            }
            return;
        }
        if (status >= 400 && !refusal(c, answer)) {
            violations.add(describe(c) + ": " + status + " without a problem body: " + answer.header("Content-Type")
                    + " " + abbreviate(answer.body()));
        }
    }

    /** An RFC 9457 problem with its code; on the notify endpoint also WeChat Pay's own {"code":"FAIL"}. */
    private static boolean refusal(Case c, Api.Answer answer) {
        String type = answer.header("Content-Type");
        JsonNode body;
        try {
            body = answer.json();
        } catch (RuntimeException e) {
            return false;
        }
        if (c.endpoint().equals("POST /pay/notify/wechat") && type != null && type.startsWith("application/json")) {
            return body.has("code") && body.get("code").asString().equals("FAIL") && body.has("message");
        }
        return type != null && type.startsWith("application/problem+json") && body.has("code")
                && body.get("code").asString().matches("[A-Z][A-Z_]+") && body.has("title") && body.has("type")
                && body.has("detail") && body.path("status").asInt() == answer.status();
    }

    private static long retryAfterMs(Api.Answer answer) {
        try {
            return Long.parseLong(answer.header("Retry-After").trim()) * 1_000;
        } catch (RuntimeException e) {
            return 1_000;
        }
    }

    private static String describe(Case c) {
        return c.endpoint() + " [" + c.category() + ": " + c.name() + "]";
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private static String created(Api.Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
