package com.redpacket.e2e.badinput;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.Db;
import com.redpacket.e2e.support.Repo;
import com.redpacket.e2e.support.TestUser;
import com.redpacket.wechatpay.emulator.Faults;
import com.redpacket.wechatpay.emulator.KeyMaterial;
import com.redpacket.wechatpay.emulator.NotificationSealer;
import com.redpacket.wechatpay.emulator.PlatformSigner;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an attacker (or a confused client) sends instead of real credentials: bearer tokens that must not pass the
 * gateway, and WeChat Pay notifications that must not pass payment-service. Some are signed with the real keys so
 * that only the rule under test (expiry, issuer, audience; timestamp, order match) can refuse them: the development
 * JWT key user-service generated into its own schema (read as the oracle reads, {@link Db}), and the committed,
 * non-secret WeChat Pay platform test key (dev/wechatpay).
 */
final class Forgeries {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String ISSUER = "redpacket-user-service";
    private static final String AUDIENCE = "redpacket-api";

    private final TestUser victim;
    private final String keyId;
    private final PrivateKey jwtKey;
    private final String jwks;
    private final KeyMaterial wechatKeys = KeyMaterial.load(Repo.root().resolve("dev/wechatpay").toString());
    private final NotificationSealer sealer = new NotificationSealer(wechatKeys, JsonMapper.builder().build());
    private final PlatformSigner platform = new PlatformSigner(wechatKeys, new Faults());

    Forgeries(TestUser victim) {
        this.victim = victim;
        Map<String, Object> key = Db.USER.rows("SELECT key_id, private_key FROM jwt_signing_key WHERE id = 1").getFirst();
        this.keyId = (String) key.get("key_id");
        this.jwtKey = privateKey((String) key.get("private_key"));
        this.jwks = new Api(Api.env("REDPACKET_USER_URL", "http://localhost:8081")).get("/internal/jwks", null).body();
    }

    /** Authorization header values, each naming how it is wrong; none may act as anybody. */
    Map<String, String> authorizations(TestUser caller) {
        String[] real = caller.token().split("\\.");
        long now = Instant.now().getEpochSecond();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("missing", null);
        forged.put("empty bearer", "Bearer ");
        forged.put("basic auth", "Basic " + Base64.getEncoder().encodeToString("user:password".getBytes()));
        forged.put("garbage", "Bearer not.a.jwt");
        forged.put("alg none", "Bearer " + b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + real[1] + ".");
        forged.put("payload swapped to another user", "Bearer " + real[0] + "."
                + b64(claims(victim.id(), ISSUER, AUDIENCE, now, now + 3600)) + "." + real[2]);
        forged.put("signature cut", "Bearer " + real[0] + "." + real[1] + "." + real[2].substring(0, 10));
        forged.put("HS256 keyed with the public JWK", "Bearer " + hs256(claims(victim.id(), ISSUER, AUDIENCE, now,
                now + 3600)));
        forged.put("expired (real key)", "Bearer " + rs256(claims(caller.id(), ISSUER, AUDIENCE, now - 7200, now - 60)));
        forged.put("other issuer (real key)", "Bearer " + rs256(claims(caller.id(), "evil", AUDIENCE, now, now + 3600)));
        forged.put("other audience (real key)", "Bearer " + rs256(claims(caller.id(), ISSUER, "evil", now, now + 3600)));
        forged.put("subject not a number (real key)", "Bearer " + rs256(claims("1 OR 1=1", ISSUER, AUDIENCE, now,
                now + 3600)));
        forged.put("8 KB of token", "Bearer " + "A".repeat(8_192));
        return forged;
    }

    /** A notification signed by the WeChat Pay platform key, as at {@code at}, about this transaction. */
    SignedNotification notification(Map<String, Object> transaction, Instant at) {
        NotificationSealer.Sealed sealed = sealer.seal("TRANSACTION.SUCCESS", "支付成功", "transaction", transaction);
        return new SignedNotification(sealed.body(), platform.notificationHeaders(sealed.body(), at));
    }

    /** Platform signature headers over any body: a valid signature, whatever the body holds. */
    Map<String, String> sign(String body, Instant at) {
        return platform.notificationHeaders(body, at);
    }

    String mchid() {
        return wechatKeys.mchid();
    }

    String appid() {
        return wechatKeys.appid();
    }

    record SignedNotification(String body, Map<String, String> headers) {
    }

    private static String claims(String subject, String issuer, String audience, long issuedAt, long expires) {
        return "{\"iss\":\"" + issuer + "\",\"aud\":[\"" + audience + "\"],\"sub\":\"" + subject + "\",\"iat\":"
                + issuedAt + ",\"exp\":" + expires + ",\"jti\":\"bad-input-" + issuedAt + "\"}";
    }

    private String rs256(String claims) {
        String signingInput = b64("{\"alg\":\"RS256\",\"kid\":\"" + keyId + "\",\"typ\":\"JWT\"}") + "." + b64(claims);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(jwtKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The classic algorithm confusion: an HMAC whose secret is the verifier's public key document. */
    private String hs256(String claims) {
        String signingInput = b64("{\"alg\":\"HS256\",\"kid\":\"" + keyId + "\",\"typ\":\"JWT\"}") + "." + b64(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(jwks.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey privateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("user-service's development key is not a PKCS#8 RSA key", e);
        }
    }
}
