package com.redpacket.settlement;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code redpacket.settlement.*}. The schedules themselves are read by {@code @Scheduled} from
 * {@code redpacket.settlement.reconciliation-interval} (default PT5S) and {@code invariants-interval} (default PT30S).
 *
 * @param maxPacketAmount    the largest packet debit accepted (count 100 × share 20000 fen by default)
 * @param reconciliationGrace how old an unsettled claim or refund must be before reconciliation takes it over (and
 *                           before the invariant report calls it stuck)
 * @param defaultPageSize    wallet entries per page when the app does not say
 */
@ConfigurationProperties("redpacket.settlement")
public record SettlementProperties(Long maxPacketAmount, Duration reconciliationGrace, Integer defaultPageSize) {
    /** The consumer name this service's events are deduplicated under in the inbox. */
    public static final String CONSUMER = "settlement";

    public SettlementProperties {
        maxPacketAmount = maxPacketAmount == null ? 2_000_000L : maxPacketAmount;
        reconciliationGrace = reconciliationGrace == null ? Duration.ofSeconds(5) : reconciliationGrace;
        defaultPageSize = defaultPageSize == null ? 20 : defaultPageSize;
    }
}
