package com.redpacket.wechatpay.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;

/** The committed test keys as the other side (the merchant) holds them. */
final class Fixtures {
    static final KeyMaterial KEYS = KeyMaterial.load("dev/wechatpay");
    static final EmulatorProperties PROPS = new EmulatorProperties(null, 0.001, Duration.ofSeconds(2), null, null);

    private Fixtures() {
    }

    static String pem(String file) {
        try {
            return Files.readString(KeyMaterial.locate("dev/wechatpay").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PrivateKey merchantPrivateKey() {
        return KeyMaterial.privateKey(pem("merchant_private_key.pem"));
    }

    static PublicKey platformPublicKey() {
        return KeyMaterial.publicKey(pem("wechatpay_public_key.pem"));
    }
}
