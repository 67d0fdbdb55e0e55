package com.redpacket.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code redpacket.outbox.*}: how the relay drains the outbox table into Kafka.
 *
 * @param enabled      run the relay in this instance (every instance may; rows are claimed with SKIP LOCKED)
 * @param pollInterval how long the relay sleeps when it found nothing and nobody woke it
 * @param batchSize    rows published per transaction
 * @param sendTimeout  how long to wait for the broker's acks of a batch before giving the batch back
 * @param retention    how long published rows are kept for inspection before they are deleted
 */
@ConfigurationProperties("redpacket.outbox")
public record OutboxProperties(Boolean enabled, Duration pollInterval, Integer batchSize, Duration sendTimeout,
                               Duration retention) {
    public OutboxProperties {
        enabled = enabled == null || enabled;
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        batchSize = batchSize == null ? 200 : batchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        retention = retention == null ? Duration.ofDays(1) : retention;
    }
}
