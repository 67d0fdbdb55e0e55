package com.redpacket.payment.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code redpacket.payment.notifications{result, reason}}: WeChat Pay's notifications by what became of them.
 * {@code accepted} (stored, or nothing to store), {@code duplicate} (changed nothing, e.g. already stored: WeChat Pay
 * retries for a day), {@code refused} with the check that failed as {@code reason} (serial, signature, timestamp,
 * decryption, malformed, unknown-order, mismatch), {@code failed} (our error; WeChat Pay retries). {@code reason} is
 * {@code none} unless refused.
 */
@Component
class NotificationMeters {
    private final MeterRegistry meters;
    private final Counter accepted;
    private final Counter duplicate;
    private final Counter failed;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    NotificationMeters(MeterRegistry meters) {
        this.meters = meters;
        accepted = counter("accepted", "none");
        duplicate = counter("duplicate", "none");
        failed = counter("failed", "none");
    }

    void accepted() {
        accepted.increment();
    }

    void duplicate() {
        duplicate.increment();
    }

    void failed() {
        failed.increment();
    }

    /** {@code reason} is one of the few names the verifier and the order check give, never request data. */
    void refused(String reason) {
        refused.computeIfAbsent(reason, r -> counter("refused", r)).increment();
    }

    private Counter counter(String result, String reason) {
        return Counter.builder("redpacket.payment.notifications")
                .description("WeChat Pay notifications by result")
                .tag("result", result)
                .tag("reason", reason)
                .register(meters);
    }
}
