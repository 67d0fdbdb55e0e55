package com.redpacket.gateway.ratelimit;

import com.redpacket.gateway.AbstractGatewayIT;
import com.redpacket.gateway.Http;
import com.redpacket.gateway.Tokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Budgets of the test profile: login per address 4 at once then 2/s; login per username 1 at once then one per 2 s.
 * Each test calls from its own made-up address (X-Forwarded-For, one trusted hop), so runs never share a bucket.
 */
class RateLimitIT extends AbstractGatewayIT {

    @Test
    void aBurstOfLoginsFromOneAddressIsRefusedThenTheBudgetRecovers() {
        String address = randomAddress();
        int passed = 0;
        Http.Answer answer;
        while ((answer = login(address, randomName())).status() == 200) {
            passed++;
            assertThat(passed).as("burst 4, plus 2 if a second boundary passes").isLessThanOrEqualTo(6);
        }
        problem(answer, 429, "RATE_LIMITED");
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(passed).isGreaterThanOrEqualTo(3);

        assertThat(login(randomAddress(), randomName()).status()).as("other addresses are not affected").isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> login(address, randomName()).status() == 200);
    }

    @Test
    void guessingOnePasswordFromManyAddressesIsRefusedPerUsername() {
        String name = randomName();
        assertThat(login(randomAddress(), name).status()).isEqualTo(200);
        Http.Answer refused = login(randomAddress(), name.toUpperCase());
        problem(refused, 429, "RATE_LIMITED");
        assertThat(refused.header("Retry-After")).as("one try costs 2 tokens at 1 per second").isEqualTo("2");
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(500))
                .until(() -> login(randomAddress(), name).status() == 200);
    }

    @Test
    void grabsAndSendsAreBudgetedPerUser() {
        String token = Tokens.sign(KEY, Tokens.claims(Long.toString(ThreadLocalRandom.current().nextLong(1, 1L << 50)))
                .build());
        for (int i = 0; i < 5; i++) {
            Http.Answer grab = http().bearer(token).post("/api/packets/1/grab", null);
            assertThat(grab.status()).isEqualTo(200);
            assertThat(grab.header("X-RateLimit-Burst-Capacity")).isEqualTo("100");
        }
        Http.Answer send = http().bearer(token).post("/api/packets", "{}");
        assertThat(send.status()).isEqualTo(200);
        assertThat(send.header("X-RateLimit-Burst-Capacity")).isEqualTo("30");
    }

    private Http.Answer login(String address, String username) {
        return http().from(address).post("/api/users/login",
                "{\"username\":\"" + username + "\",\"password\":\"whatever\"}");
    }

    private static String randomName() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }
}
