package com.redpacket.gateway.security;

import org.springframework.cloud.client.loadbalancer.reactive.ReactorLoadBalancerExchangeFilterFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.client.WebClient;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How a bearer token is checked: Nimbus via Spring Security's resource server, RS256 only (so {@code alg: none},
 * HMAC tricks with the public key and every other algorithm are refused), signature against user-service's keys,
 * then expiry (with a small clock skew), issuer, audience, and a subject that is a user id.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerification {
    private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,18}");

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties props, ReactorLoadBalancerExchangeFilterFunction loadBalancer) {
        NimbusReactiveJwtDecoder decoder = props.hasPublicKey()
                ? NimbusReactiveJwtDecoder.withPublicKey(publicKey(props.publicKey()))
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusReactiveJwtDecoder.withJwkSource(jwkSetCache(props, loadBalancer))
                        .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> validator = validator(props);
        decoder.setJwtValidator(validator);
        return props.verifiedTokenTtl().isPositive()
                ? new VerifiedTokens(decoder, validator, props.verifiedTokenTtl(), props.verifiedTokenCacheSize(),
                        Clock.systemUTC())
                : decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(JwtProperties props) {
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(props.clockSkew()),
                new JwtIssuerValidator(props.issuer()),
                new JwtAudienceValidator(props.audience()),
                jwt -> jwt.getExpiresAt() != null && jwt.getSubject() != null
                        && USER_ID.matcher(jwt.getSubject()).matches() && fitsLong(jwt.getSubject())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                                "The token must expire and name a user", null))));
    }

    private static JwkSetCache jwkSetCache(JwtProperties props, ReactorLoadBalancerExchangeFilterFunction loadBalancer) {
        boolean viaEureka = props.jwkSetUri().startsWith("lb://");
        String uri = viaEureka ? "http://" + props.jwkSetUri().substring("lb://".length()) : props.jwkSetUri();
        WebClient client = viaEureka ? WebClient.builder().filter(loadBalancer).build() : WebClient.create();
        return new JwkSetCache(() -> client.get().uri(uri).retrieve().bodyToMono(String.class)
                .timeout(Duration.ofSeconds(3)),
                props.jwksRefreshMinInterval(), props.jwksMaxAge(), Clock.systemUTC());
    }

    private static RSAPublicKey publicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalArgumentException("redpacket.jwt.public-key is not a PEM RSA public key", e);
        }
    }

    private static boolean fitsLong(String subject) {
        try {
            return Long.parseLong(subject) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
