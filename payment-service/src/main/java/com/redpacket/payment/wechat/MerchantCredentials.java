package com.redpacket.payment.wechat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Our identity at WeChat Pay, resolved once at start-up from {@link WechatPayProperties}: each value given
 * explicitly wins, else it comes from the key folder. A missing value fails the start naming the setting, never
 * showing a secret.
 */
public final class MerchantCredentials {
    private final String merchantId;
    private final String appId;
    private final String merchantSerialNumber;
    private final String publicKeyId;
    private final String apiV3Key;
    private final String merchantPrivateKeyPem;
    private final String wechatpayPublicKeyPem;

    private MerchantCredentials(String merchantId, String appId, String merchantSerialNumber, String publicKeyId,
                                String apiV3Key, String merchantPrivateKeyPem, String wechatpayPublicKeyPem) {
        this.merchantId = merchantId;
        this.appId = appId;
        this.merchantSerialNumber = merchantSerialNumber;
        this.publicKeyId = publicKeyId;
        this.apiV3Key = apiV3Key;
        this.merchantPrivateKeyPem = merchantPrivateKeyPem;
        this.wechatpayPublicKeyPem = wechatpayPublicKeyPem;
    }

    public static MerchantCredentials load(WechatPayProperties props) {
        Path dir = locate(props.keyDir());
        Properties file = readProperties(dir);
        return new MerchantCredentials(
                pick("merchant-id", props.merchantId(), file, "mchid"),
                pick("app-id", props.appId(), file, "appid"),
                pick("merchant-serial-number", props.merchantSerialNumber(), file, "merchantSerialNumber"),
                pick("public-key-id", props.publicKeyId(), file, "publicKeyId"),
                pick("api-v3-key", props.apiV3Key(), file, "apiV3Key"),
                pem("merchant-private-key", props.merchantPrivateKey(), props.merchantPrivateKeyPath(), dir,
                        "merchant_private_key.pem"),
                pem("wechatpay-public-key", props.wechatpayPublicKey(), props.wechatpayPublicKeyPath(), dir,
                        "wechatpay_public_key.pem"));
    }

    public String merchantId() {
        return merchantId;
    }

    public String appId() {
        return appId;
    }

    public String merchantSerialNumber() {
        return merchantSerialNumber;
    }

    public String publicKeyId() {
        return publicKeyId;
    }

    String apiV3Key() {
        return apiV3Key;
    }

    String merchantPrivateKeyPem() {
        return merchantPrivateKeyPem;
    }

    String wechatpayPublicKeyPem() {
        return wechatpayPublicKeyPem;
    }

    @Override
    public String toString() {
        return "MerchantCredentials[merchantId=" + merchantId + ", appId=" + appId + ", publicKeyId=" + publicKeyId
                + ", keys hidden]";
    }

    /** A relative folder is looked up from the working directory upwards: a module's tests run one level down. */
    static Path locate(String keyDir) {
        Path given = Path.of(keyDir);
        if (!given.isAbsolute()) {
            for (Path base = Path.of("").toAbsolutePath(); base != null; base = base.getParent()) {
                if (Files.isDirectory(base.resolve(given))) {
                    return base.resolve(given);
                }
            }
        }
        return given.toAbsolutePath();
    }

    private static Properties readProperties(Path dir) {
        Properties file = new Properties();
        Path path = dir.resolve("wechatpay.properties");
        if (Files.isRegularFile(path)) {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return file;
    }

    private static String pick(String setting, String explicit, Properties file, String fileKey) {
        String value = explicit != null && !explicit.isBlank() ? explicit : file.getProperty(fileKey);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("WeChat Pay is not configured: set redpacket.wechatpay." + setting
                    + " or put " + fileKey + " into wechatpay.properties of redpacket.wechatpay.key-dir");
        }
        return value.trim();
    }

    private static String pem(String setting, String content, String path, Path dir, String fileName) {
        if (content != null && !content.isBlank()) {
            return content;
        }
        Path file = path != null && !path.isBlank() ? Path.of(path) : dir.resolve(fileName);
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException("WeChat Pay is not configured: set redpacket.wechatpay." + setting
                    + " (PEM) or " + setting + "-path, or put " + fileName + " into " + dir, e);
        }
    }
}
