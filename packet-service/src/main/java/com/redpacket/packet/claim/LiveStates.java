package com.redpacket.packet.claim;

import com.redpacket.contracts.internal.ArmRequest;
import com.redpacket.contracts.internal.PacketLiveState;
import com.redpacket.packet.store.Packet;
import com.redpacket.packet.store.PacketRepository;
import com.redpacket.packet.store.PacketStatus;
import com.redpacket.packet.store.PayStatus;
import com.redpacket.packet.store.Share;
import com.redpacket.packet.store.ShareRepository;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** MySQL's truth about a packet in the shapes grab-service consumes: the live state and the arm request. */
@Component
public class LiveStates {
    private final PacketRepository packets;
    private final ShareRepository shares;

    public LiveStates(PacketRepository packets, ShareRepository shares) {
        this.packets = packets;
        this.shares = shares;
    }

    /** Empty for an unknown packet and for a BALANCE reservation (which does not exist for anyone yet). */
    public Optional<PacketLiveState> of(long packetId) {
        return packets.find(packetId).filter(Packet::visible).map(p -> {
            List<Share> all = shares.all(packetId);
            return new PacketLiveState(p.id(), p.senderId(), p.status().name(), p.payStatus(), p.groupId(),
                    p.receiverId(), p.expiresAt(), p.count(), freeSeqs(all), claims(all));
        });
    }

    public static ArmRequest armRequest(PacketLiveState s) {
        return new ArmRequest(s.packetId(), s.senderId(), s.groupId(), s.receiverId(), s.expiresAt(), s.freeSeqs(),
                s.claims());
    }

    /** Paid or app-confirmed, and neither expired nor cancelled. */
    public static boolean grabbable(PacketLiveState s) {
        return s.payStatus() != PayStatus.UNPAID
                && (s.status().equals(PacketStatus.ACTIVE.name()) || s.status().equals(PacketStatus.FINISHED.name()));
    }

    private static List<Integer> freeSeqs(List<Share> all) {
        return all.stream().filter(Share::free).map(Share::seq).toList();
    }

    private static List<PacketLiveState.Claim> claims(List<Share> all) {
        return all.stream().filter(Share::claimed)
                .map(s -> new PacketLiveState.Claim(s.receiver(), s.seq(), s.amount())).toList();
    }
}
