package com.redpacket.payment;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * WeChat Pay notifications made by hand from the committed test keys (dev/wechatpay), with the JDK's own crypto and
 * independently of the emulator and of the SDK: AES-256-GCM under the APIv3 key, SHA256withRSA with the platform
 * key over {@code timestamp\nnonce\nbody\n}. Each step can be done wrongly on purpose.
 */
public final class SignedNotifications {
    public static final Keys KEYS = Keys.load();

    private SignedNotifications() {
    }

    /** The committed fixtures. */
    public record Keys(String mchid, String appid, String publicKeyId, byte[] apiV3Key, PrivateKey platformKey,
                       PrivateKey merchantKey, PublicKey merchantPublicKey) {
        static Keys load() {
            Path dir = locate();
            Properties ids = new Properties();
            try (Reader reader = Files.newBufferedReader(dir.resolve("wechatpay.properties"))) {
                ids.load(reader);
                return new Keys(ids.getProperty("mchid"), ids.getProperty("appid"), ids.getProperty("publicKeyId"),
                        ids.getProperty("apiV3Key").getBytes(StandardCharsets.UTF_8),
                        privateKey(dir.resolve("wechatpay_private_key.pem")),
                        privateKey(dir.resolve("merchant_private_key.pem")),
                        publicKey(dir.resolve("merchant_public_key.pem")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Path locate() {
            for (Path base = Path.of("").toAbsolutePath(); base != null; base = base.getParent()) {
                if (Files.isDirectory(base.resolve("dev/wechatpay"))) {
                    return base.resolve("dev/wechatpay");
                }
            }
            throw new IllegalStateException("dev/wechatpay not found above " + Path.of("").toAbsolutePath());
        }
    }

    /** What WeChat Pay POSTs: headers and the exact body bytes. */
    public record Notification(Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The decrypted resource of TRANSACTION.SUCCESS for an order of ours. */
    public static Map<String, Object> paidTransaction(String outTradeNo, String transactionId, long amount) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("mchid", KEYS.mchid());
        tx.put("appid", KEYS.appid());
        tx.put("out_trade_no", outTradeNo);
        tx.put("transaction_id", transactionId);
        tx.put("trade_type", "NATIVE");
        tx.put("trade_state", "SUCCESS");
        tx.put("trade_state_desc", "支付成功");
        tx.put("bank_type", "OTHERS");
        tx.put("attach", "");
        tx.put("success_time", rfc3339(Instant.now()));
        tx.put("payer", Map.of("openid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
        tx.put("amount", Map.of("total", amount, "payer_total", amount, "currency", "CNY", "payer_currency", "CNY"));
        return tx;
    }

    public static String newTransactionId() {
        return "4200" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").concat("0000000000000000000000000")
                .substring(0, 24);
    }

    /** The notification body: the resource encrypted under the APIv3 key in WeChat Pay's envelope. */
    public static String body(String eventType, String originalType, Map<String, Object> resource) {
        String nonce = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("create_time", rfc3339(Instant.now()));
        envelope.put("resource_type", "encrypt-resource");
        envelope.put("event_type", eventType);
        envelope.put("summary", "支付成功");
        envelope.put("resource", Map.of("original_type", originalType, "algorithm", "AEAD_AES_256_GCM",
                "ciphertext", encrypt(originalType, nonce, TestHttp.JSON.writeValueAsString(resource)),
                "associated_data", originalType, "nonce", nonce));
        return TestHttp.JSON.writeValueAsString(envelope);
    }

    public static Notification signed(String body) {
        return signed(body, Instant.now(), KEYS.publicKeyId(), KEYS.platformKey());
    }

    public static Notification signed(String body, Instant timestamp, String serial, PrivateKey key) {
        String ts = Long.toString(timestamp.getEpochSecond());
        String nonce = UUID.randomUUID().toString().replace("-", "");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Serial", serial);
        headers.put("Wechatpay-Timestamp", ts);
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Signature", sign(key, ts + "\n" + nonce + "\n" + body + "\n"));
        headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
        return new Notification(headers, body.getBytes(StandardCharsets.UTF_8));
    }

    public static String sign(PrivateKey key, String message) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean verifies(PublicKey key, String message, String base64Signature) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encrypt(String associatedData, String nonce, String plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEYS.apiV3Key(), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.ofHours(8))
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static PrivateKey privateKey(Path pem) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey publicKey(Path pem) throws IOException {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] der(Path pem) throws IOException {
        return Base64.getMimeDecoder().decode(Files.readString(pem).replaceAll("-----[A-Z ]+-----", ""));
    }
}
