package com.redpacket.settlement.invariants;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks the invariants periodically and publishes the count of violations as
 * {@code redpacket.settlement.invariants.violations}, and when the last check finished as
 * {@code redpacket.settlement.invariants.checked.at} (seconds since the epoch): a 0 is only good news while it is fresh.
 */
@Component
public class InvariantMonitor {
    private static final Logger log = LoggerFactory.getLogger(InvariantMonitor.class);

    private final InvariantChecker checker;
    private final AtomicInteger violations = new AtomicInteger();
    private final AtomicLong checkedAtMillis = new AtomicLong();

    public InvariantMonitor(InvariantChecker checker, MeterRegistry meters) {
        this.checker = checker;
        Gauge.builder("redpacket.settlement.invariants.violations", violations, AtomicInteger::get)
                .description("ledger invariants broken at the last check (0 = every fen accounted for)")
                .register(meters);
        Gauge.builder("redpacket.settlement.invariants.checked.at", checkedAtMillis, t -> t.get() / 1000.0)
                .baseUnit("seconds")
                .description("when the ledger invariants were last checked (0 = not yet)")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${redpacket.settlement.invariants-interval:PT30S}", initialDelay = 10_000)
    public void check() {
        InvariantReport report = checker.check();
        violations.set(report.violations().size());
        checkedAtMillis.set(System.currentTimeMillis());
        if (!report.ok()) {
            log.error("ledger invariants broken ({}): {}", report.violations().size(),
                    report.violations().subList(0, Math.min(10, report.violations().size())));
        }
    }
}
