package com.redpacket.wechatpay.emulator;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs as the WeChat Pay platform: the message {@code timestamp\nnonce\nbody\n} with the platform private key, the
 * key's id in {@code Wechatpay-Serial}. The SDK looks these headers up by their exact spelling, so they are set so.
 */
@Component
public class PlatformSigner {
    private final KeyMaterial keys;
    private final Faults faults;

    public PlatformSigner(KeyMaterial keys, Faults faults) {
        this.keys = keys;
        this.faults = faults;
    }

    /** Headers of an API answer to {@code request} (URL and body); a test may have ordered it signed wrongly. */
    Map<String, String> responseHeaders(String body, String request) {
        return headers(body, faults.takeBadSignature(request), Instant.now());
    }

    /** Headers of a notification POSTed to the merchant; signed afresh at every delivery attempt. */
    Map<String, String> notificationHeaders(String body) {
        return notificationHeaders(body, Instant.now());
    }

    /**
     * Headers of a notification signed as at {@code at}: public for tests outside the emulator that post a
     * notification by hand (the end-to-end bad-input corpus replays stale and mismatched ones).
     */
    public Map<String, String> notificationHeaders(String body, Instant at) {
        Map<String, String> headers = headers(body, false, at);
        headers.put("Wechatpay-Signature-Type", ApiV3Authorization.SCHEMA);
        return headers;
    }

    private Map<String, String> headers(String body, boolean wrongly, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        String nonce = Nonces.alphanumeric(32);
        String message = timestamp + "\n" + nonce + "\n" + body + "\n";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Wechatpay-Nonce", nonce);
        headers.put("Wechatpay-Signature", Rsa.sign(keys.platformPrivateKey(), wrongly ? message + "tampered" : message));
        headers.put("Wechatpay-Timestamp", timestamp);
        headers.put("Wechatpay-Serial", keys.publicKeyId());
        return headers;
    }
}
