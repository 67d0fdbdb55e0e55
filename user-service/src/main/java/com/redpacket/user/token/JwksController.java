package com.redpacket.user.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The public half of the signing key as a JWK set, for the gateway to verify tokens with. Under /internal so the
 * gateway never routes it: public keys are not secret, but nothing outside needs them and nothing outside should
 * learn more about the services than it must.
 */
@RestController
public class JwksController {
    private final Map<String, Object> jwks;

    public JwksController(RSAKey signingKey) {
        this.jwks = new JWKSet(signingKey.toPublicJWK()).toJSONObject();
    }

    @GetMapping(value = "/internal/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> jwks() {
        return jwks;
    }
}
