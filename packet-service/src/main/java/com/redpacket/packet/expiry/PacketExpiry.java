package com.redpacket.packet.expiry;

import com.redpacket.contracts.events.PacketExpired;
import com.redpacket.packet.PacketProperties;
import com.redpacket.packet.claim.Arming;
import com.redpacket.packet.store.Packet;
import com.redpacket.packet.store.PacketRepository;
import com.redpacket.packet.store.ShareRepository;
import com.redpacket.platform.outbox.OutboxWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

/**
 * ARCHITECTURE.md "Expire": every free share of a packet past its expiry is marked refunded with the same row
 * condition a claim needs, so a late grab and the expiry never both win a share; the packet becomes EXPIRED with the
 * exact refunded amount and {@code PacketExpired} leaves through the outbox in the same transaction. Several instances
 * may run this side by side: the packet's ACTIVE → EXPIRED update succeeds once, and only that transaction writes the
 * event (whose id is deterministic besides). A packet whose every share was claimed is finished, not expired.
 */
@Component
public class PacketExpiry {
    private static final Logger log = LoggerFactory.getLogger(PacketExpiry.class);

    private final PacketRepository packets;
    private final ShareRepository shares;
    private final OutboxWriter outbox;
    private final Arming arming;
    private final TransactionTemplate tx;
    private final PacketProperties props;

    public PacketExpiry(PacketRepository packets, ShareRepository shares, OutboxWriter outbox, Arming arming,
                        TransactionTemplate tx, PacketProperties props) {
        this.packets = packets;
        this.shares = shares;
        this.outbox = outbox;
        this.arming = arming;
        this.tx = tx;
        this.props = props;
    }

    /** One scan; returns how many packets it closed. */
    public int expireDue() {
        List<Long> due = packets.expiredActive(Instant.now(), props.expiryBatch());
        int closed = 0;
        for (long packetId : due) {
            if (expire(packetId)) {
                closed++;
            }
        }
        return closed;
    }

    /** Closes one packet past its expiry; false if another instance (or the last claim) already did. */
    public boolean expire(long packetId) {
        Boolean closed = tx.execute(status -> {
            shares.refundFree(packetId);
            ShareRepository.Totals refunded = shares.refunded(packetId);
            Instant now = Instant.now();
            if (refunded.shares() == 0) {
                return shares.emptiedAt(packetId).map(last -> packets.markFinished(packetId, last)).orElse(false);
            }
            if (!packets.markExpired(packetId, refunded.amount(), now)) {
                return false;
            }
            Packet p = packets.find(packetId).orElseThrow();
            outbox.write(PacketExpired.of(packetId, p.senderId(), p.totalAmount(), refunded.shares(), refunded.amount(),
                    now));
            log.info("packet {} expired: {} shares, {} fen back to sender {}", packetId, refunded.shares(),
                    refunded.amount(), p.senderId());
            return true;
        });
        if (Boolean.TRUE.equals(closed)) {
            arming.disarm(packetId);
        }
        return Boolean.TRUE.equals(closed);
    }
}
