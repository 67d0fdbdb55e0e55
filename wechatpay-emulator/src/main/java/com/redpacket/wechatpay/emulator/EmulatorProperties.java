package com.redpacket.wechatpay.emulator;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code emulator.*}.
 *
 * @param keyDir             the folder with the merchant and platform test keys and {@code wechatpay.properties}
 *                           (default {@code dev/wechatpay}, looked up from the working directory upwards)
 * @param notifyRetryScale   multiplies WeChat Pay's notification retry schedule (15s, 15s, 30s, 3m, ...): 1 is
 *                           real time, 0.01 makes a test see the retries within seconds
 * @param notifyTimeout      how long a notification waits for the merchant's answer (WeChat Pay: 5 s)
 * @param refundDelay        how long a refund stays PROCESSING before it succeeds and is notified
 * @param maxClockSkew       request timestamps further than this from now are refused, as WeChat Pay does
 */
@ConfigurationProperties("emulator")
public record EmulatorProperties(String keyDir, Double notifyRetryScale, Duration notifyTimeout, Duration refundDelay,
                                 Duration maxClockSkew) {
    public EmulatorProperties {
        keyDir = keyDir == null || keyDir.isBlank() ? "dev/wechatpay" : keyDir;
        notifyRetryScale = notifyRetryScale == null ? 1.0 : notifyRetryScale;
        notifyTimeout = notifyTimeout == null ? Duration.ofSeconds(5) : notifyTimeout;
        refundDelay = refundDelay == null ? Duration.ofSeconds(1) : refundDelay;
        maxClockSkew = maxClockSkew == null ? Duration.ofMinutes(5) : maxClockSkew;
    }
}
