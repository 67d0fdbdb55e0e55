package com.redpacket.grab;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.internal.ClaimRequest;
import com.redpacket.contracts.internal.ClaimResult;
import com.redpacket.grab.audience.GroupMembersCache;
import com.redpacket.grab.client.PacketClient;
import com.redpacket.grab.slots.Entry;
import com.redpacket.grab.slots.Rebuilder;
import com.redpacket.grab.slots.SlotStore;
import com.redpacket.platform.web.ApiException;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A grab (ARCHITECTURE.md "Grab"): one Lua round trip decides and pops a slot (sold out, expired, unpaid and repeat
 * grabs are answered there, without packet-service); then the popped seq is claimed at packet-service.
 * <p>The slot is reserved for the user in Redis ({@code P<seq>}) from the pop until the claim is decided. If the claim
 * call fails or times out, the reservation stays: the answer is 503/504, a background retry ({@link PendingClaims})
 * and any repeat grab by the user both drive the same idempotent claim of the same seq to its end, so the slot is not
 * lost, the user never gets two shares, and the repeat is answered with the user's share (ALREADY_GRABBED).
 */
@Service
public class Grabber {
    private static final int MAX_STEPS = 250;

    private final SlotStore slots;
    private final Rebuilder rebuilder;
    private final PacketClient packets;
    private final GroupMembersCache members;
    private final PendingClaims pending;
    private final SoldOutPackets soldOut;
    /** packet → its group, for group packets; immutable facts, so safe to keep */
    private final Map<Long, Long> groups = new ConcurrentHashMap<>();

    public Grabber(SlotStore slots, Rebuilder rebuilder, PacketClient packets, GroupMembersCache members,
                   PendingClaims pending, SoldOutPackets soldOut) {
        this.slots = slots;
        this.rebuilder = rebuilder;
        this.packets = packets;
        this.members = members;
        this.pending = pending;
        this.soldOut = soldOut;
        pending.drive(this::settle);
    }

    public GrabResult grab(long packetId, long userId) {
        GrabResult known = soldOut.answer(packetId, userId);
        if (known != null) {
            return known;
        }
        for (int step = 0; step < 4; step++) {
            List<String> r = slots.grab(packetId, userId, membership(packetId, userId));
            switch (r.getFirst()) {
                case "POPPED" -> {
                    return settle(packetId, userId, Integer.parseInt(r.get(1)), true);
                }
                case "MINE" -> {
                    return mine(packetId, userId, r.get(1));
                }
                case "SOLD_OUT" -> {
                    soldOut.soldOut(packetId);
                    return GrabResult.of(GrabOutcome.SOLD_OUT);
                }
                case "EXPIRED" -> {
                    return GrabResult.of(GrabOutcome.EXPIRED);
                }
                case "NOT_PAYABLE_YET" -> {
                    return GrabResult.of(GrabOutcome.NOT_PAYABLE_YET);
                }
                case "NOT_IN_AUDIENCE" -> throw ApiException.of(ErrorCode.NOT_IN_AUDIENCE,
                        "Only the packet's audience may open it");
                case "UNKNOWN" -> throw notFound(packetId);
                case "GROUP" -> rememberGroup(packetId, r.get(1));
                case "MISSING" -> rebuilder.rebuild(packetId);
                default -> throw new IllegalStateException("grab script answered " + r);
            }
        }
        throw ApiException.of(ErrorCode.UPSTREAM_UNAVAILABLE, "Packet " + packetId + " could not be read; retry");
    }

    /** Remembers a packet's audience group (ARMED keys always carry it); "" means the packet has no group audience. */
    void rememberGroup(long packetId, String groupId) {
        if (groupId.isEmpty()) {
            throw ApiException.of(ErrorCode.NOT_IN_AUDIENCE, "Only the packet's audience may open it");
        }
        if (groups.size() > 100_000) {
            groups.clear();
        }
        groups.put(packetId, Long.parseLong(groupId));
    }

    private String membership(long packetId, long userId) {
        Long group = groups.get(packetId);
        if (group == null) {
            return "?";
        }
        return members.isMember(group, userId) ? "1" : "0";
    }

    private GrabResult mine(long packetId, long userId, String value) {
        Entry entry = Entry.parse(value);
        if (entry.confirmed()) {
            return GrabResult.alreadyGrabbed(entry.amount());
        }
        return settle(packetId, userId, entry.seq(), false);
    }

    /**
     * Drives the claim of the user's reserved slot to its end. {@code popper}: this request popped the slot, so a
     * successful claim is its GRABBED; for any other request of the same user it is ALREADY_GRABBED.
     */
    GrabResult settle(long packetId, long userId, int seq, boolean popper) {
        String expected = Entry.pending(seq);
        for (int step = 0; step < MAX_STEPS; step++) {
            ClaimResult claim;
            try {
                claim = packets.claim(packetId, new ClaimRequest(seq, userId));
            } catch (RuntimeException e) {
                pending.retryLater(packetId, userId, seq);
                throw e;
            }
            switch (claim.outcome()) {
                case CLAIMED -> {
                    slots.confirm(packetId, userId, expected, claim.seq(), claim.amount(), null);
                    return popper ? GrabResult.grabbed(claim.amount(), claim.seq())
                            : GrabResult.alreadyGrabbed(claim.amount());
                }
                case ALREADY_CLAIMED -> {
                    slots.confirm(packetId, userId, expected, claim.seq(), claim.amount(),
                            claim.seq() == seq ? null : seq);
                    return GrabResult.alreadyGrabbed(claim.amount());
                }
                case SEQ_REFUNDED, NOT_CLAIMABLE -> {
                    slots.release(packetId, userId, expected);
                    return GrabResult.of(GrabOutcome.EXPIRED);
                }
                case SEQ_TAKEN -> {
                    List<String> next = slots.repop(packetId, userId, expected);
                    switch (next.getFirst()) {
                        case "POPPED" -> seq = Integer.parseInt(next.get(1));
                        case "SOLD_OUT" -> {
                            return GrabResult.of(GrabOutcome.SOLD_OUT);
                        }
                        case "EXPIRED" -> {
                            return GrabResult.of(GrabOutcome.EXPIRED);
                        }
                        case "MINE" -> {
                            Entry moved = Entry.parse(next.get(1));
                            if (moved.confirmed()) {
                                return GrabResult.alreadyGrabbed(moved.amount());
                            }
                            seq = moved.seq();
                            popper = false;
                        }
                        case "MISSING" -> rebuilder.rebuild(packetId);
                        default -> throw new IllegalStateException("settle script answered " + next);
                    }
                    expected = Entry.pending(seq);
                }
            }
        }
        throw ApiException.of(ErrorCode.UPSTREAM_UNAVAILABLE, "Packet " + packetId + " is being restored; retry");
    }

    private static ApiException notFound(long packetId) {
        return ApiException.of(ErrorCode.PACKET_NOT_FOUND, "No packet " + packetId);
    }
}
