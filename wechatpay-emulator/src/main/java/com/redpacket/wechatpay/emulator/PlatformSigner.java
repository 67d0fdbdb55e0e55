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
        return headers(body, faults.takeBadSignature(request));
    }

    /** Headers of a notification POSTed to the merchant; signed afresh at every delivery attempt. */
    Map<String, String> notificationHeaders(String body) {
        Map<String, String> headers = headers(body, false);
        headers.put("Wechatpay-Signature-Type", ApiV3Authorization.SCHEMA);
        return headers;
    }

    private Map<String, String> headers(String body, boolean wrongly) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
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
