package com.redpacket.payment.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * {@code redpacket.wechatpay.*}: where WeChat Pay is and who we are to it. By default the local emulator and the
 * committed test keys of {@code dev/wechatpay}; production sets {@code key-dir} to a secret mount holding the same
 * five files, or gives each value on its own (PEM contents or paths). Secrets never appear in {@link #toString()}.
 *
 * @param baseUrl                 WeChat Pay's API root; requests the SDK addresses to api.mch.weixin.qq.com go here
 * @param notifyUrl               where WeChat Pay sends notifications: the public gateway's /pay/notify/wechat
 * @param keyDir                  folder with {@code wechatpay.properties} and the PEM files (relative: looked up
 *                                from the working directory upwards)
 * @param merchantId              mchid (else {@code mchid} of wechatpay.properties)
 * @param appId                   appid (else {@code appid})
 * @param merchantSerialNumber    the merchant certificate's serial (else {@code merchantSerialNumber})
 * @param publicKeyId             the WeChat Pay public key's id, expected in Wechatpay-Serial (else {@code publicKeyId})
 * @param apiV3Key                the APIv3 key that encrypts notification resources (else {@code apiV3Key})
 * @param merchantPrivateKey      PEM content (else {@code merchantPrivateKeyPath}, else merchant_private_key.pem)
 * @param merchantPrivateKeyPath  path of the merchant private key PEM
 * @param wechatpayPublicKey      PEM content (else {@code wechatpayPublicKeyPath}, else wechatpay_public_key.pem)
 * @param wechatpayPublicKeyPath  path of the WeChat Pay public key PEM
 * @param timeout                 connect and read timeout of each call to WeChat Pay
 * @param notifyMaxSkew           notifications whose Wechatpay-Timestamp is further from now are refused (replays)
 */
@ConfigurationProperties("redpacket.wechatpay")
public record WechatPayProperties(URI baseUrl, String notifyUrl, String keyDir, String merchantId, String appId,
                                  String merchantSerialNumber, String publicKeyId, String apiV3Key,
                                  String merchantPrivateKey, String merchantPrivateKeyPath, String wechatpayPublicKey,
                                  String wechatpayPublicKeyPath, Duration timeout, Duration notifyMaxSkew) {
    public WechatPayProperties {
        baseUrl = baseUrl == null ? URI.create("http://localhost:8090") : baseUrl;
        notifyUrl = notifyUrl == null ? "http://localhost:8080/pay/notify/wechat" : notifyUrl;
        keyDir = keyDir == null || keyDir.isBlank() ? "dev/wechatpay" : keyDir;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        notifyMaxSkew = notifyMaxSkew == null ? Duration.ofMinutes(5) : notifyMaxSkew;
    }

    @Override
    public String toString() {
        return "WechatPayProperties[baseUrl=" + baseUrl + ", notifyUrl=" + notifyUrl + ", keyDir=" + keyDir
                + ", merchantId=" + merchantId + ", appId=" + appId + ", keys hidden]";
    }
}
