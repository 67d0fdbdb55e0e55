package com.redpacket.user.token;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code redpacket.jwt.*}: the tokens user-service issues. The gateway reads the same issuer and audience.
 *
 * @param issuer     the {@code iss} claim; the gateway refuses any other
 * @param audience   the {@code aud} claim; the gateway refuses tokens not meant for this API
 * @param ttl        how long a token is valid
 * @param privateKey PEM (PKCS#8, "BEGIN PRIVATE KEY") RSA signing key, e.g. from REDPACKET_JWT_PRIVATE_KEY. When absent,
 *                   a development key is generated once and kept in the database (a WARN line says so)
 * @param keyId      the {@code kid} published with the configured key; defaults to its RFC 7638 thumbprint
 */
@ConfigurationProperties("redpacket.jwt")
public record JwtProperties(String issuer, String audience, Duration ttl, String privateKey, String keyId) {
    public JwtProperties {
        issuer = issuer == null || issuer.isBlank() ? "redpacket-user-service" : issuer;
        audience = audience == null || audience.isBlank() ? "redpacket-api" : audience;
        ttl = ttl == null ? Duration.ofHours(2) : ttl;
    }

    public boolean hasConfiguredKey() {
        return privateKey != null && !privateKey.isBlank();
    }

    @Override
    public String toString() {
        return "JwtProperties[issuer=" + issuer + ", audience=" + audience + ", ttl=" + ttl + ", keyId=" + keyId + "]";
    }
}
