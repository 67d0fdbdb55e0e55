package com.redpacket.wechatpay.emulator;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Builds a notification body as WeChat Pay does: the business object (a transaction or a refund) encrypted with
 * AEAD_AES_256_GCM under the merchant's APIv3 key, a 12-character nonce, the resource type as associated data, in
 * an envelope naming the event.
 */
@Component
public class NotificationSealer {
    static final String ALGORITHM = "AEAD_AES_256_GCM";

    private final KeyMaterial keys;
    private final JsonMapper json;

    public NotificationSealer(KeyMaterial keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** A notification ready to send: its id (the same on every retry) and its exact body. */
    public record Sealed(String id, String body) {
    }

    /** @param originalType {@code transaction} or {@code refund}; also the associated data, as WeChat Pay sends it */
    public Sealed seal(String eventType, String summary, String originalType, Object businessObject) {
        String nonce = Nonces.alphanumeric(12);
        String ciphertext = encrypt(originalType, nonce, json.writeValueAsString(businessObject));
        Wire.Notification notification = new Wire.Notification(UUID.randomUUID().toString(), Times.rfc3339(Instant.now()),
                "encrypt-resource", eventType, summary,
                new Wire.EncryptedResource(originalType, ALGORITHM, ciphertext, originalType, nonce));
        return new Sealed(notification.id(), json.writeValueAsString(notification));
    }

    private String encrypt(String associatedData, String nonce, String plaintext) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.apiV3Key(), "AES"),
                    new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the notification resource", e);
        }
    }
}
