package com.redpacket.gateway.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.redpacket.gateway.Tokens;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwkSetCacheTest {
    private static final RSAKey K1 = Tokens.newKey("k1");
    private static final RSAKey K2 = Tokens.newKey("k2");

    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicReference<String> served = new AtomicReference<>();
    private final MutableClock clock = new MutableClock();
    private final JwkSetCache cache = new JwkSetCache(() -> {
        fetches.incrementAndGet();
        String set = served.get();
        return set == null ? Mono.error(new java.net.ConnectException("user-service down")) : Mono.just(set);
    }, Duration.ofSeconds(5), Duration.ofMinutes(15), clock);

    @Test
    void startingBeforeUserServiceIsUnavailableUntilItAnswersThenRecovers() {
        assertThatThrownBy(() -> keys("k1")).isInstanceOf(JwksUnavailableException.class);
        assertThatThrownBy(() -> keys("k1")).as("too soon to ask again").isInstanceOf(JwksUnavailableException.class);
        assertThat(fetches.get()).isEqualTo(1);

        served.set(Tokens.jwks(K1));
        clock.advance(Duration.ofSeconds(5));
        assertThat(keys("k1")).extracting(JWK::getKeyID).containsExactly("k1");
        assertThat(keys("k1")).hasSize(1);
        assertThat(fetches.get()).isEqualTo(2);
    }

    @Test
    void madeUpKidsCannotMakeTheGatewayHammerUserService() {
        served.set(Tokens.jwks(K1));
        assertThat(keys("k1")).hasSize(1);
        for (int i = 0; i < 100; i++) {
            assertThat(keys("forged-" + i)).isEmpty();
        }
        assertThat(fetches.get()).as("the set fetched moments ago is the truth: no refetch").isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        assertThat(keys("forged-again")).isEmpty();
        assertThat(fetches.get()).as("one refetch per interval at most").isEqualTo(2);
    }

    @Test
    void aRotatedKeyIsPickedUpAndKnownKeysSurviveAnOutage() {
        served.set(Tokens.jwks(K1));
        assertThat(keys("k1")).hasSize(1);
        served.set(null);
        clock.advance(Duration.ofSeconds(6));
        assertThatThrownBy(() -> keys("k2")).isInstanceOf(JwksUnavailableException.class);
        assertThat(keys("k1")).as("the cached key still verifies").hasSize(1);

        served.set(Tokens.jwks(K1, K2));
        clock.advance(Duration.ofSeconds(6));
        assertThat(keys("k2")).extracting(JWK::getKeyID).containsExactly("k2");
    }

    @Test
    void anOldSetIsRefreshedSoARetiredKeyStopsWorking() {
        served.set(Tokens.jwks(K1, K2));
        assertThat(keys("k1")).hasSize(1);
        served.set(Tokens.jwks(K2));
        clock.advance(Duration.ofMinutes(16));
        assertThat(keys("k1")).isEmpty();
        assertThat(keys("k2")).hasSize(1);
    }

    private List<JWK> keys(String kid) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build()));
        return cache.keysFor(selector).block();
    }
}
