package com.redpacket.grab.slots;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.internal.PacketLiveState;
import com.redpacket.grab.GrabProperties;
import com.redpacket.grab.client.PacketClient;
import com.redpacket.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Rebuilds a packet's keys from packet-service when they are missing (Redis restarted or flushed, the arm call lost):
 * free slots = the unclaimed seqs, grabbers = the existing receivers. One request rebuilds under a short lock
 * ({@code SET NX PX}); the others wait for its keys. A slot that was popped but whose claim commits after the live
 * state was read is handed out again; packet-service's conditional update answers SEQ_TAKEN and the loser takes the
 * next slot, so this never gives a share twice.
 */
@Component
public class Rebuilder {
    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);
    private static final Set<String> LIVE = Set.of("ACTIVE", "FINISHED");

    private final SlotStore slots;
    private final PacketClient packets;
    private final GrabProperties props;

    public Rebuilder(SlotStore slots, PacketClient packets, GrabProperties props) {
        this.slots = slots;
        this.packets = packets;
        this.props = props;
    }

    /** Arming by packet-service: the packet is paid or app-confirmed. */
    public void arm(PacketLiveState s) {
        slots.write(s, PacketState.ARMED, s.expiresAt().plus(props.keySlack()));
    }

    /** Makes sure the packet's keys exist when this returns (rebuilt here or by a concurrent request). */
    public void rebuild(long packetId) {
        String token = UUID.randomUUID().toString();
        if (!slots.lock(packetId, token, props.rebuildLockTtl())) {
            awaitOthers(packetId);
            return;
        }
        try {
            PacketLiveState state;
            try {
                state = packets.liveState(packetId);
            } catch (ApiException e) {
                if (e.code() == ErrorCode.PACKET_NOT_FOUND) {
                    slots.markUnknown(packetId, props.unknownTtl());
                    return;
                }
                throw e;
            }
            write(state);
            log.info("rebuilt packet {}: {} pay {} with {} free slots", packetId, state.status(), state.payStatus(),
                    state.freeSeqs().size());
        } finally {
            slots.unlock(packetId, token);
        }
    }

    private void write(PacketLiveState s) {
        Instant now = Instant.now();
        if (s.payStatus() != 0 && LIVE.contains(s.status())) {
            arm(s);
        } else if (s.status().equals("PENDING_PAYMENT")) {
            slots.write(s, PacketState.UNPAID, now.plus(props.unpaidTtl()));
        } else {
            slots.write(s, PacketState.CLOSED, now.plus(props.closedTtl()));
        }
    }

    private void awaitOthers(long packetId) {
        long deadline = System.nanoTime() + props.rebuildWait().toNanos();
        while (!slots.known(packetId)) {
            if (System.nanoTime() > deadline) {
                throw ApiException.of(ErrorCode.UPSTREAM_UNAVAILABLE, "Packet " + packetId + " is being restored; retry");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ApiException.of(ErrorCode.UPSTREAM_UNAVAILABLE, "Interrupted while packet " + packetId + " was restored");
            }
        }
    }
}
