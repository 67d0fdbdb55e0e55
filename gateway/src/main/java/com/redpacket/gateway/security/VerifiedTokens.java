package com.redpacket.gateway.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that passed the full check, remembered for a short while: an app calling again and again with the same token
 * (a grab storm: one user's token several times a second) would otherwise cost an RSA verification and a JSON parse
 * every time, the largest share of the gateway's CPU in bench/RESULTS.md. What is kept and why it stays safe:
 * <ul>
 * <li>only tokens the wrapped decoder accepted (signature, algorithm, key), under their exact text: a token with
 * another signature, header or claim is another text and goes through the full check;</li>
 * <li>every use still runs the validator (expiry with the clock skew, issuer, audience, subject), so a token stops
 * being accepted at the same moment as without this; a token it refuses is dropped and checked in full, which gives
 * the same error as before;</li>
 * <li>an entry is trusted for {@code ttl} at most, then the token is verified again: a key retired from the JWK set
 * ({@link JwkSetCache} refetches it after {@code jwks-max-age}) stops being accepted within {@code ttl} more;</li>
 * <li>at most {@code maxEntries} tokens: when full, what is older than {@code ttl} goes, and if that is not enough,
 * everything (a flood of distinct valid tokens costs full checks, never memory).</li>
 * </ul>
 */
final class VerifiedTokens implements ReactiveJwtDecoder {
    private final ReactiveJwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Jwt jwt, Instant trustedUntil) {
    }

    VerifiedTokens(ReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Duration ttl, int maxEntries,
                   Clock clock) {
        this.decoder = decoder;
        this.validator = validator;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Verified known = verified.get(token);
        if (known != null) {
            if (known.trustedUntil().isAfter(clock.instant()) && !validator.validate(known.jwt()).hasErrors()) {
                return Mono.just(known.jwt());
            }
            verified.remove(token, known);
        }
        return decoder.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        Instant now = clock.instant();
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(v -> !v.trustedUntil().isAfter(now));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(jwt, now.plus(ttl)));
    }
}
