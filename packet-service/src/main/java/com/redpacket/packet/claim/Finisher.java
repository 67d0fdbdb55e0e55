package com.redpacket.packet.claim;

import com.redpacket.packet.store.PacketRepository;
import com.redpacket.packet.store.ShareRepository;
import org.springframework.stereotype.Component;

/**
 * Records when a packet was emptied (time-to-empty on the result page) without making every claim touch the packet
 * row: after its own commit, a claim that took a share looks whether any share is still free; the last claim to
 * commit always sees all the others, so exactly the last one (or, harmlessly, two) flips ACTIVE → FINISHED, with the
 * time of the last claim. A crash in between is caught by the expiry job, which finishes an emptied packet instead
 * of expiring it.
 */
@Component
public class Finisher {
    private final PacketRepository packets;
    private final ShareRepository shares;

    public Finisher(PacketRepository packets, ShareRepository shares) {
        this.packets = packets;
        this.shares = shares;
    }

    public void finishIfEmptied(long packetId) {
        shares.emptiedAt(packetId).ifPresent(lastClaim -> packets.markFinished(packetId, lastClaim));
    }
}
