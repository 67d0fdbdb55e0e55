package com.redpacket.user.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** RSA signing keys: generated, or read from PKCS#8 PEM (the public half is derived from the private key). */
public final class RsaKeys {
    private static final int BITS = 2048;

    private RsaKeys() {
    }

    public static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            var pair = generator.generateKeyPair();
            return build((RSAPublicKey) pair.getPublic(), (RSAPrivateCrtKey) pair.getPrivate(), null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    /** @param keyId the kid to publish, or null for the key's thumbprint */
    public static RSAKey fromPem(String pem, String keyId) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            var spec = new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
            if (!(rsa.generatePrivate(spec) instanceof RSAPrivateCrtKey privateKey)) {
                throw new IllegalArgumentException("the JWT signing key must be an RSA private key with CRT parameters");
            }
            var publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return build(publicKey, privateKey, keyId);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("redpacket.jwt.private-key is not a PKCS#8 PEM RSA private key", e);
        }
    }

    public static String toPem(RSAKey key) {
        try {
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toPrivateKey().getEncoded());
            return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encode the signing key", e);
        }
    }

    private static RSAKey build(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey, String keyId) {
        try {
            RSAKey.Builder builder = new RSAKey.Builder(publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE);
            return keyId == null || keyId.isBlank() ? builder.keyIDFromThumbprint().build()
                    : builder.keyID(keyId).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the key's thumbprint", e);
        }
    }
}
