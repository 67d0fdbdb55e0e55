package com.redpacket.wechatpay.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * WeChat Pay's notification retries: after a failed delivery it tries again 15s, 15s, 30s, 3m, 10m, 20m, 30m, 30m,
 * 30m, 60m, 3h, 3h, 3h, 6h and 6h later (24 h 4 m in all), then gives up. {@code scale} compresses it for tests.
 */
final class RetrySchedule {
    static final List<Duration> WAITS = List.of(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(30),
            Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30),
            Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofHours(3),
            Duration.ofHours(3), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(6));

    private final double scale;

    RetrySchedule(double scale) {
        if (scale < 0) {
            throw new IllegalArgumentException("notify retry scale must not be negative");
        }
        this.scale = scale;
    }

    /** The wait before the given retry (1 = the first retry), or empty when WeChat Pay would have given up. */
    Optional<Duration> waitBeforeRetry(int retry) {
        if (retry < 1 || retry > WAITS.size()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.round(WAITS.get(retry - 1).toNanos() * scale)));
    }
}
