package com.redpacket.settlement.reconciliation;

import com.redpacket.platform.jdbc.SqlTime;
import com.redpacket.settlement.SettlementProperties;
import com.redpacket.settlement.packet.PacketSettlement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

/**
 * The safety net behind the event-driven path (the seed's "second pass after 5 s"): funded packets whose claims are
 * still uncredited, or whose expiry refund is still undone, a grace period after the fact, are settled here, each
 * packet in its own transaction under the same row lock the event path takes. Whatever it fixes is a
 * {@code redpacket.settlement.reconciliation.fixed} count and a log line: in a healthy system it stays at zero.
 */
@Component
public class Reconciliation {
    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);
    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final PacketSettlement settlement;
    private final SettlementProperties props;
    private final Counter fixedCounter;

    public Reconciliation(JdbcClient jdbc, TransactionTemplate tx, PacketSettlement settlement,
                          SettlementProperties props, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settlement = settlement;
        this.props = props;
        this.fixedCounter = Counter.builder("redpacket.settlement.reconciliation.fixed")
                .description("claims credited and refunds made by reconciliation instead of the event path")
                .register(meters);
    }

    /** One pass; returns how many credits and refunds it made. */
    @Scheduled(fixedDelayString = "${redpacket.settlement.reconciliation-interval:PT5S}",
            initialDelayString = "${redpacket.settlement.reconciliation-interval:PT5S}")
    public int run() {
        List<Long> packets = overduePackets(SqlTime.literal(Instant.now().minus(props.reconciliationGrace())));
        int fixed = 0;
        for (long packetId : packets) {
            try {
                Integer n = tx.execute(status -> settlement.settleOutstanding(packetId));
                fixed += n == null ? 0 : n;
            } catch (RuntimeException e) {
                log.error("reconciliation of packet {} failed, next pass retries: {}", packetId, e.toString(), e);
            }
        }
        if (fixed > 0) {
            fixedCounter.increment(fixed);
            log.warn("reconciliation settled {} overdue credits/refunds on {} packets", fixed, packets.size());
        }
        return fixed;
    }

    private List<Long> overduePackets(String cutoff) {
        return jdbc.sql("""
                        (SELECT DISTINCT c.packet_id FROM packet_claim c JOIN packet_escrow p ON p.packet_id = c.packet_id
                         WHERE c.credited_at IS NULL AND c.created_at < :cutoff
                           AND p.funded_at IS NOT NULL AND p.cancelled_at IS NULL
                         LIMIT :batch)
                        UNION
                        (SELECT packet_id FROM packet_escrow
                         WHERE refunded_at IS NULL AND refund_due IS NOT NULL AND funded_at IS NOT NULL
                           AND cancelled_at IS NULL AND updated_at < :cutoff
                         LIMIT :batch)""")
                .param("cutoff", cutoff)
                .param("batch", BATCH)
                .query(Long.class)
                .list();
    }
}
