package com.redpacket.wechatpay.emulator;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Checks an APIv3 request as WeChat Pay does: the merchant's id and certificate serial, a timestamp within the
 * allowed skew, and the SHA256withRSA signature with the merchant's public key over method, URL, timestamp, nonce
 * and the exact body. The platform key the merchant expects ({@code Wechatpay-Serial}) must be ours.
 */
@Component
public class RequestVerifier {
    private final KeyMaterial keys;
    private final Duration maxSkew;

    public RequestVerifier(KeyMaterial keys, EmulatorProperties props) {
        this.keys = keys;
        this.maxSkew = props.maxClockSkew();
    }

    /** Returns the verified authorization; throws {@link WechatPayError} (401 SIGN_ERROR, 400) otherwise. */
    ApiV3Authorization verify(String method, String canonicalUrl, String authorization, String platformSerial,
                              String body) {
        ApiV3Authorization auth = ApiV3Authorization.parse(authorization);
        if (!auth.mchid().equals(keys.mchid())) {
            throw WechatPayError.signature("unknown mchid " + auth.mchid());
        }
        if (!auth.serialNo().equals(keys.merchantSerialNumber())) {
            throw WechatPayError.signature("unknown merchant certificate serial_no");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(auth.timestamp());
        } catch (NumberFormatException e) {
            throw WechatPayError.signature("timestamp is not a number");
        }
        if (Duration.between(Instant.ofEpochSecond(timestamp), Instant.now()).abs().compareTo(maxSkew) > 0) {
            throw WechatPayError.signature("timestamp is outside the allowed window");
        }
        if (!Rsa.verify(keys.merchantPublicKey(), auth.message(method, canonicalUrl, body), auth.signature())) {
            throw WechatPayError.signature("签名错误: the signature does not verify");
        }
        if (platformSerial != null && !platformSerial.equals(keys.publicKeyId())) {
            throw WechatPayError.param("Wechatpay-Serial names an unknown platform key");
        }
        return auth;
    }
}
