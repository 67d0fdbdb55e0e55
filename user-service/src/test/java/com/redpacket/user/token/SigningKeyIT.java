package com.redpacket.user.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.redpacket.user.AbstractUserServiceIT;
import com.redpacket.user.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Without a configured key, every instance and every restart signs with one generated key: the first one written. */
class SigningKeyIT extends AbstractUserServiceIT {
    @Autowired
    SigningKeyStore store;
    @Autowired
    RSAKey signingKey;

    @Test
    void theJwkSetPublishesOnlyThePublicHalfOfTheKeyInUse() throws Exception {
        Http.Answer answer = get("/internal/jwks", null);
        assertThat(answer.status()).isEqualTo(200);
        JWKSet published = JWKSet.parse(answer.body());
        assertThat(published.getKeys()).hasSize(1);
        assertThat(published.getKeys().getFirst().getKeyID()).isEqualTo(signingKey.getKeyID());
        assertThat(published.getKeys().getFirst().isPrivate()).isFalse();
        assertThat(answer.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
    }

    @Test
    void aRestartReadsTheStoredKeyAndRacingFirstStartsAgreeOnOne() throws Exception {
        assertThat(store.loadOrCreate().getKeyID()).as("a restart").isEqualTo(signingKey.getKeyID());

        String stored = jdbc.sql("SELECT private_key FROM jwt_signing_key WHERE id = 1").query(String.class).single();
        jdbc.sql("DELETE FROM jwt_signing_key").update();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<String>> instances = IntStream.range(0, 4).<Callable<String>>mapToObj(i -> () -> {
                start.await();
                return store.loadOrCreate().getKeyID();
            }).toList();
            try (ExecutorService pool = Executors.newFixedThreadPool(instances.size())) {
                List<Future<String>> kids = instances.stream().map(pool::submit).toList();
                start.countDown();
                Set<String> distinct = new java.util.HashSet<>();
                for (Future<String> kid : kids) {
                    distinct.add(kid.get());
                }
                assertThat(distinct).hasSize(1);
                assertThat(count("SELECT COUNT(*) FROM jwt_signing_key")).isEqualTo(1);
            }
        } finally {
            jdbc.sql("DELETE FROM jwt_signing_key").update();
            jdbc.sql("INSERT INTO jwt_signing_key (id, key_id, private_key, created_at) VALUES (1, :kid, :pem, NOW(6))")
                    .param("kid", signingKey.getKeyID()).param("pem", stored).update();
        }
    }
}
