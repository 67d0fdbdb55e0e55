package com.redpacket.platform.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code redpacket.idempotency.*}.
 *
 * @param retention how long keys are remembered (API.md promises at least 24 hours)
 * @param lease     how long a first request may run before a retry with the same key may take over its work
 * @param maxWait   how long a concurrent duplicate waits for the first request's answer before getting 409
 */
@ConfigurationProperties("redpacket.idempotency")
public record IdempotencyProperties(Duration retention, Duration lease, Duration maxWait) {
    public IdempotencyProperties {
        retention = retention == null ? Duration.ofHours(48) : retention;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        maxWait = maxWait == null ? Duration.ofSeconds(10) : maxWait;
    }
}
