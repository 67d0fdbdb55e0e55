package com.redpacket.user.token;

import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Signs access tokens: RS256, subject = the user id, with issuer, audience, issued-at, expiry and a unique id. */
@Component
public class TokenIssuer {
    private final JwtEncoder encoder;
    private final JwtProperties props;
    private final String keyId;

    public TokenIssuer(JwtEncoder encoder, JwtProperties props, RSAKey signingKey) {
        this.encoder = encoder;
        this.props = props;
        this.keyId = signingKey.getKeyID();
    }

    public IssuedToken issue(long userId) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(props.issuer())
                .audience(List.of(props.audience()))
                .subject(Long.toString(userId))
                .issuedAt(now)
                .expiresAt(now.plus(props.ttl()))
                .id(UUID.randomUUID().toString())
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keyId).type("JWT").build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(token, props.ttl().toSeconds());
    }

    public record IssuedToken(String value, long expiresInSeconds) {
        @Override
        public String toString() {
            return "IssuedToken[expiresInSeconds=" + expiresInSeconds + "]";
        }
    }
}
