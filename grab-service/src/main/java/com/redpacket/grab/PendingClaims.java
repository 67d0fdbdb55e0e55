package com.redpacket.grab;

import com.redpacket.grab.slots.Entry;
import com.redpacket.grab.slots.SlotStore;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Claims whose answer was lost (packet-service down, a timeout after the pop). The slot stays reserved for the user
 * ({@code P<seq>}), and this retries the same idempotent claim in the background with growing delays until it is
 * decided, so a user who never grabs again does not keep a share from the others. If this instance dies first, the
 * user's next grab drives the claim; if nobody does, the share is still free in MySQL and goes back to the sender at
 * expiry: no money is ever lost or given twice.
 */
@Component
public class PendingClaims {
    private static final Logger log = LoggerFactory.getLogger(PendingClaims.class);

    /** Settles the reserved slot of a user; {@link Grabber#settle}. */
    @FunctionalInterface
    interface Settler {
        GrabResult settle(long packetId, long userId, int seq, boolean popper);
    }

    private final SlotStore slots;
    private final GrabProperties props;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("pending-claims").daemon(true).factory());
    private volatile Settler settler;

    public PendingClaims(SlotStore slots, GrabProperties props) {
        this.slots = slots;
        this.props = props;
    }

    void drive(Settler settler) {
        this.settler = settler;
    }

    void retryLater(long packetId, long userId, int seq) {
        String key = packetId + ":" + userId + ":" + seq;
        int attempt = attempts.merge(key, 1, Integer::sum);
        if (attempt > props.claimRetries()) {
            attempts.remove(key);
            log.warn("claim of packet {} seq {} for user {} still undecided after {} retries; left to the user's next "
                    + "grab or the expiry", packetId, seq, userId, props.claimRetries());
            return;
        }
        long delay = props.claimRetryDelay().toMillis() << (attempt - 1);
        timer.schedule(() -> Thread.ofVirtual().start(() -> retry(key, packetId, userId, seq)), delay,
                TimeUnit.MILLISECONDS);
    }

    private void retry(String key, long packetId, long userId, int seq) {
        try {
            if (!Entry.pending(seq).equals(slots.entry(packetId, userId))) {
                attempts.remove(key);
                return;
            }
            GrabResult result = settler.settle(packetId, userId, seq, false);
            attempts.remove(key);
            log.info("pending claim of packet {} seq {} for user {} settled: {}", packetId, seq, userId, result.outcome());
        } catch (RuntimeException e) {
            log.info("pending claim of packet {} seq {} for user {} still failing: {}", packetId, seq, userId, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
