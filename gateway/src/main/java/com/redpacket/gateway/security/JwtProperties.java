package com.redpacket.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code redpacket.jwt.*} as the gateway reads it: what a valid token looks like and where its keys come from.
 *
 * @param issuer             the only accepted {@code iss} (user-service's {@code redpacket.jwt.issuer})
 * @param audience           the {@code aud} a token must name
 * @param jwkSetUri          user-service's JWK set; {@code lb://} resolves through Eureka with the load balancer
 * @param publicKey          optional PEM ("BEGIN PUBLIC KEY") RSA key: when set, the gateway verifies with it alone
 *                           and never fetches a JWK set
 * @param clockSkew          tolerated clock difference for exp / nbf / iat
 * @param jwksRefreshMinInterval the least time between two fetches of the JWK set (unknown kid, failed fetch)
 * @param jwksMaxAge         a cached JWK set is refetched after this long (a retired key stops being accepted)
 * @param verifiedTokenTtl   how long a verified token is accepted without checking its signature again (its expiry,
 *                           issuer and audience are checked on every use); 0 checks every request in full
 * @param verifiedTokenCacheSize how many verified tokens are remembered at most
 */
@ConfigurationProperties("redpacket.jwt")
public record JwtProperties(String issuer, String audience, String jwkSetUri, String publicKey, Duration clockSkew,
                            Duration jwksRefreshMinInterval, Duration jwksMaxAge, Duration verifiedTokenTtl,
                            Integer verifiedTokenCacheSize) {
    public JwtProperties {
        issuer = issuer == null || issuer.isBlank() ? "redpacket-user-service" : issuer;
        audience = audience == null || audience.isBlank() ? "redpacket-api" : audience;
        jwkSetUri = jwkSetUri == null || jwkSetUri.isBlank() ? "lb://user-service/internal/jwks" : jwkSetUri;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        jwksRefreshMinInterval = jwksRefreshMinInterval == null ? Duration.ofSeconds(5) : jwksRefreshMinInterval;
        jwksMaxAge = jwksMaxAge == null ? Duration.ofMinutes(15) : jwksMaxAge;
        verifiedTokenTtl = verifiedTokenTtl == null ? Duration.ofSeconds(60) : verifiedTokenTtl;
        verifiedTokenCacheSize = verifiedTokenCacheSize == null ? 10_000 : verifiedTokenCacheSize;
    }

    public boolean hasPublicKey() {
        return publicKey != null && !publicKey.isBlank();
    }
}
