package com.redpacket.wechatpay.emulator;

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
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * What the emulator knows of its one merchant and of itself: the merchant's ids and public key (to verify requests),
 * the platform's private key and its id (to sign answers and notifications) and the APIv3 key (to encrypt
 * notification resources). Read from the key folder ({@code dev/wechatpay}: non-secret test fixtures).
 */
public record KeyMaterial(String mchid, String appid, String merchantSerialNumber, String publicKeyId,
                          byte[] apiV3Key, PublicKey merchantPublicKey, PrivateKey platformPrivateKey) {

    public static KeyMaterial load(String keyDir) {
        Path dir = locate(keyDir);
        Properties ids = new Properties();
        try (Reader reader = Files.newBufferedReader(dir.resolve("wechatpay.properties"), StandardCharsets.UTF_8)) {
            ids.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("wechatpay.properties"), e);
        }
        return new KeyMaterial(required(ids, "mchid"), required(ids, "appid"), required(ids, "merchantSerialNumber"),
                required(ids, "publicKeyId"), required(ids, "apiV3Key").getBytes(StandardCharsets.UTF_8),
                publicKey(read(dir.resolve("merchant_public_key.pem"))),
                privateKey(read(dir.resolve("wechatpay_private_key.pem"))));
    }

    /** A relative folder is looked up from the working directory upwards: a module's tests run one level down. */
    static Path locate(String keyDir) {
        Path given = Path.of(keyDir);
        if (given.isAbsolute()) {
            return requireDirectory(given);
        }
        for (Path base = Path.of("").toAbsolutePath(); base != null; base = base.getParent()) {
            if (Files.isDirectory(base.resolve(given))) {
                return base.resolve(given);
            }
        }
        return requireDirectory(given.toAbsolutePath());
    }

    private static Path requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("WeChat Pay key folder not found: " + dir + " (set emulator.key-dir)");
        }
        return dir;
    }

    private static String required(Properties ids, String name) {
        String value = ids.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("wechatpay.properties lacks " + name);
        }
        return value.trim();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA public key (X.509 PEM)", e);
        }
    }

    static PrivateKey privateKey(String pem) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA private key (PKCS#8 PEM)", e);
        }
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
