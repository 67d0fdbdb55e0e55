package com.redpacket.user.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The signing key (configured, else the generated development key) and the Nimbus encoder that signs with it. */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {
    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

    @Bean
    RSAKey signingKey(JwtProperties props, SigningKeyStore store) {
        if (props.hasConfiguredKey()) {
            RSAKey key = RsaKeys.fromPem(props.privateKey(), props.keyId());
            log.info("signing tokens with the configured key {}", key.getKeyID());
            return key;
        }
        RSAKey key = store.loadOrCreate();
        log.warn("redpacket.jwt.private-key is not set: signing tokens with the generated development key {} kept in "
                + "table jwt_signing_key. Configure a key of your own (REDPACKET_JWT_PRIVATE_KEY) outside local runs.",
                key.getKeyID());
        return key;
    }

    @Bean
    JwtEncoder jwtEncoder(RSAKey signingKey) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey)));
    }
}
