package com.redpacket.payment;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Things about money a person must look at: a verified payment that does not match its order, money for an order
 * we do not know, a refund WeChat Pay could not make. Each is logged at ERROR with the word ALERT and counted in
 * {@code redpacket.payment.alerts{kind}} for the alerting rules.
 */
@Component
public class PaymentAlerts {
    private static final Logger log = LoggerFactory.getLogger(PaymentAlerts.class);

    private final MeterRegistry meters;

    public PaymentAlerts(MeterRegistry meters) {
        this.meters = meters;
    }

    public void raise(String kind, String message) {
        log.error("ALERT {}: {}", kind, message);
        meters.counter("redpacket.payment.alerts", "kind", kind).increment();
    }
}
