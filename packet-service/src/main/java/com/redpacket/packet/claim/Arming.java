package com.redpacket.packet.claim;

import com.redpacket.packet.client.GrabClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells grab-service when a packet becomes grabbable or stops being so. Best effort by design: Redis is only the fast
 * gate, MySQL stays the truth. If arming fails, grab-service rebuilds the keys from the live state on the first grab;
 * if disarming fails, the Lua script still refuses grabs after the expiry time, and a claim on a refunded or voided
 * share is refused by its row condition. Called after the transaction that changed the packet committed, never inside
 * it (no HTTP call holds a database transaction open).
 */
@Component
public class Arming {
    private static final Logger log = LoggerFactory.getLogger(Arming.class);

    private final GrabClient grab;
    private final LiveStates liveStates;

    public Arming(GrabClient grab, LiveStates liveStates) {
        this.grab = grab;
        this.liveStates = liveStates;
    }

    public void arm(long packetId) {
        try {
            liveStates.of(packetId).filter(LiveStates::grabbable)
                    .ifPresent(state -> grab.arm(packetId, LiveStates.armRequest(state)));
        } catch (RuntimeException e) {
            log.warn("arming packet {} failed, grab-service will rebuild it on the first grab: {}", packetId, e.toString());
        }
    }

    public void disarm(long packetId) {
        try {
            grab.disarm(packetId);
        } catch (RuntimeException e) {
            log.warn("disarming packet {} failed, the packet's own state still refuses grabs: {}", packetId, e.toString());
        }
    }

    /** Arms once the current transaction commits (or at once when there is none). */
    public void armAfterCommit(long packetId) {
        afterCommit(() -> arm(packetId));
    }

    public void disarmAfterCommit(long packetId) {
        afterCommit(() -> disarm(packetId));
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
