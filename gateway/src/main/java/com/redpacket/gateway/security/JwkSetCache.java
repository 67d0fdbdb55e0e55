package com.redpacket.gateway.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The verification keys, fetched from user-service's JWK set and kept in memory. A token whose {@code kid} is not in
 * the cached set (user-service rotated its key, or the gateway has no keys yet because it started first) triggers a
 * refetch, at most once per {@code minRefreshInterval}, so a flood of tokens with made-up kids cannot hammer
 * user-service. While no keys can be had, verification fails with {@link JwksUnavailableException} (503: the token
 * may well be fine); as soon as user-service answers, the next request recovers without a restart. Keys known from
 * an earlier fetch keep working while user-service is down. The set is refreshed after {@code maxAge} so a retired
 * key stops being accepted.
 */
public final class JwkSetCache implements Function<SignedJWT, Flux<JWK>> {
    private static final Logger log = LoggerFactory.getLogger(JwkSetCache.class);

    private final Supplier<Mono<String>> fetch;
    private final Duration minRefreshInterval;
    private final Duration maxAge;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(null, Instant.EPOCH, Instant.EPOCH, null);
    private Mono<JWKSet> inFlight;

    public JwkSetCache(Supplier<Mono<String>> fetch, Duration minRefreshInterval, Duration maxAge, Clock clock) {
        this.fetch = fetch;
        this.minRefreshInterval = minRefreshInterval;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        return keysFor(new JWKSelector(JWKMatcher.forJWSHeader(jwt.getHeader()))).flatMapMany(Flux::fromIterable);
    }

    Mono<List<JWK>> keysFor(JWKSelector selector) {
        Snapshot known = snapshot;
        Instant now = clock.instant();
        List<JWK> found = known.keys == null ? List.of() : selector.select(known.keys);
        boolean fresh = known.keys != null && known.fetchedAt.plus(maxAge).isAfter(now);
        if (!found.isEmpty() && fresh) {
            return Mono.just(found);
        }
        Mono<JWKSet> refresh = refreshIfDue(now);
        if (refresh == null) {
            return found.isEmpty() && known.failure != null ? Mono.error(unavailable(known.failure)) : Mono.just(found);
        }
        return refresh.map(selector::select)
                .onErrorResume(e -> found.isEmpty() ? Mono.error(unavailable(e)) : Mono.just(found));
    }

    /** The fetch under way, or a new one if the last attempt is long enough ago; null if it is too soon. */
    private synchronized Mono<JWKSet> refreshIfDue(Instant now) {
        if (inFlight != null) {
            return inFlight;
        }
        if (snapshot.attemptedAt.plus(minRefreshInterval).isAfter(now)) {
            return null;
        }
        snapshot = snapshot.attempted(now);
        inFlight = Mono.defer(fetch).map(JwkSetCache::parse)
                .doOnNext(keys -> snapshot = new Snapshot(keys, clock.instant(), now, null))
                .doOnError(e -> {
                    log.warn("cannot fetch the JWK set to verify tokens with: {}", e.toString());
                    snapshot = snapshot.failed(e);
                })
                .doFinally(signal -> done())
                .cache();
        return inFlight;
    }

    private synchronized void done() {
        inFlight = null;
    }

    private static JWKSet parse(String json) {
        try {
            return JWKSet.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("the JWK set is not valid: " + e.getMessage(), e);
        }
    }

    private static JwksUnavailableException unavailable(Throwable cause) {
        return cause instanceof JwksUnavailableException u ? u
                : new JwksUnavailableException("The keys to verify tokens with are not available", cause);
    }

    private record Snapshot(JWKSet keys, Instant fetchedAt, Instant attemptedAt, Throwable failure) {
        Snapshot attempted(Instant at) {
            return new Snapshot(keys, fetchedAt, at, failure);
        }

        Snapshot failed(Throwable e) {
            return new Snapshot(keys, fetchedAt, attemptedAt, e);
        }
    }
}
