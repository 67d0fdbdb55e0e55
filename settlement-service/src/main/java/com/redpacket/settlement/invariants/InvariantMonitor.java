package com.redpacket.settlement.invariants;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/** Checks the invariants periodically and publishes the count of violations as {@code redpacket.settlement.invariants.violations}. */
@Component
public class InvariantMonitor {
    private static final Logger log = LoggerFactory.getLogger(InvariantMonitor.class);

    private final InvariantChecker checker;
    private final AtomicInteger violations = new AtomicInteger();

    public InvariantMonitor(InvariantChecker checker, MeterRegistry meters) {
        this.checker = checker;
        Gauge.builder("redpacket.settlement.invariants.violations", violations, AtomicInteger::get)
                .description("ledger invariants broken at the last check (0 = every fen accounted for)")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${redpacket.settlement.invariants-interval:PT30S}", initialDelay = 10_000)
    public void check() {
        InvariantReport report = checker.check();
        violations.set(report.violations().size());
        if (!report.ok()) {
            log.error("ledger invariants broken ({}): {}", report.violations().size(),
                    report.violations().subList(0, Math.min(10, report.violations().size())));
        }
    }
}
