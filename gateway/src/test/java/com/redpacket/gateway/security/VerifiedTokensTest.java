package com.redpacket.gateway.security;

import com.nimbusds.jose.jwk.RSAKey;
import com.redpacket.gateway.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verified-token memory: fewer signature checks, never a token accepted that the full check would refuse. */
class VerifiedTokensTest {
    private static final RSAKey KEY = Tokens.newKey("k1");
    private static final Duration TTL = Duration.ofSeconds(60);
    /** no clock skew, so that the expiry test need not wait half a minute */
    private static final JwtProperties PROPS = new JwtProperties(null, null, null, null, Duration.ZERO, null, null,
            null, null);

    private final AtomicInteger fullChecks = new AtomicInteger();
    private final MutableClock clock = new MutableClock();

    private VerifiedTokens tokens(int maxEntries) {
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withPublicKey(rsa())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        nimbus.setJwtValidator(TokenVerification.validator(PROPS));
        ReactiveJwtDecoder counted = token -> {
            fullChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        return new VerifiedTokens(counted, TokenVerification.validator(PROPS), TTL, maxEntries, clock);
    }

    @Test
    void aTokenIsCheckedInFullOnceThenServedFromMemory() {
        VerifiedTokens tokens = tokens(100);
        String token = Tokens.sign(KEY, Tokens.claims("42").build());

        for (int i = 0; i < 5; i++) {
            assertThat(tokens.decode(token).block().getSubject()).isEqualTo("42");
        }
        assertThat(fullChecks.get()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenIsRefusedFromTheMomentItExpires() throws InterruptedException {
        VerifiedTokens tokens = tokens(100);
        Instant expiry = Instant.now().plusSeconds(2);
        String token = Tokens.sign(KEY, Tokens.claims("42").expirationTime(Date.from(expiry)).build());
        assertThat(tokens.decode(token).block().getSubject()).isEqualTo("42");

        Thread.sleep(Duration.between(Instant.now(), expiry).plusMillis(50));

        assertThatThrownBy(() -> tokens.decode(token).block()).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
        assertThat(fullChecks.get()).as("the refusal is the full check's own").isEqualTo(2);
    }

    @Test
    void afterTheTtlTheSignatureIsCheckedAgain() {
        VerifiedTokens tokens = tokens(100);
        String token = Tokens.sign(KEY, Tokens.claims("42").build());
        tokens.decode(token).block();

        clock.advance(TTL.minusSeconds(1));
        tokens.decode(token).block();
        assertThat(fullChecks.get()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        tokens.decode(token).block();
        assertThat(fullChecks.get()).isEqualTo(2);
    }

    @Test
    void refusedTokensAreNeverRemembered() {
        VerifiedTokens tokens = tokens(100);
        String forged = Tokens.sign(Tokens.newKey("k1"), Tokens.claims("42").build());

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode(forged).block()).isInstanceOf(JwtException.class);
        }
        assertThat(fullChecks.get()).isEqualTo(3);
    }

    @Test
    void aFullMemoryForgetsInsteadOfGrowing() {
        VerifiedTokens tokens = tokens(2);
        String first = Tokens.sign(KEY, Tokens.claims("1").build());
        tokens.decode(first).block();
        tokens.decode(Tokens.sign(KEY, Tokens.claims("2").build())).block();
        tokens.decode(Tokens.sign(KEY, Tokens.claims("3").build())).block();

        tokens.decode(first).block();

        assertThat(fullChecks.get()).as("the first token was forgotten when the third came").isEqualTo(4);
    }

    private static java.security.interfaces.RSAPublicKey rsa() {
        try {
            return KEY.toRSAPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
