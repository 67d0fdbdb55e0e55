package com.redpacket.packet.claim;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.contracts.internal.ClaimRequest;
import com.redpacket.contracts.internal.ClaimResult;
import com.redpacket.contracts.internal.ClaimResult.Outcome;
import com.redpacket.packet.store.Packet;
import com.redpacket.packet.store.PacketRepository;
import com.redpacket.packet.store.PacketStatus;
import com.redpacket.packet.store.PayStatus;
import com.redpacket.packet.store.Share;
import com.redpacket.packet.store.ShareRepository;
import com.redpacket.platform.outbox.OutboxWriter;
import com.redpacket.platform.web.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A claim of one share (ARCHITECTURE.md "Grab"): the conditional UPDATE of the share's own row and the
 * {@code PacketClaimed} outbox event, in one transaction. The packet row is only read (a plain, non-locking read) and
 * never written here, so a hot packet contends on nothing but its share rows. READ COMMITTED, so that after an UPDATE
 * that matched nothing the follow-up read sees who did take the share.
 */
@Service
public class ClaimService {
    private final PacketRepository packets;
    private final ShareRepository shares;
    private final OutboxWriter outbox;

    public ClaimService(PacketRepository packets, ShareRepository shares, OutboxWriter outbox) {
        this.packets = packets;
        this.shares = shares;
        this.outbox = outbox;
    }

    /** {@code fresh}: this call took the share (so it may have been the last one). */
    public record Claimed(ClaimResult result, boolean fresh) {
    }

    @Transactional(isolation = Isolation.READ_COMMITTED)
    public Claimed claim(long packetId, ClaimRequest request) {
        Packet packet = packets.find(packetId).filter(Packet::visible)
                .orElseThrow(() -> ApiException.of(ErrorCode.PACKET_NOT_FOUND, "No packet " + packetId));
        int seq = request.seq();
        if (seq < 1 || seq > packet.count()) {
            throw ApiException.invalid("seq", "must be between 1 and " + packet.count());
        }
        if (request.userId() <= 0) {
            throw ApiException.invalid("userId", "must be a user id");
        }
        if (packet.status() == PacketStatus.CANCELLED || packet.payStatus() == PayStatus.UNPAID) {
            return new Claimed(new ClaimResult(Outcome.NOT_CLAIMABLE, seq, 0), false);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean took;
        try {
            took = shares.claim(packetId, seq, request.userId(), now);
        } catch (DuplicateKeyException e) {
            return new Claimed(alreadyHeld(packetId, request.userId()), false);
        }
        if (took) {
            Share share = shares.find(packetId, seq).orElseThrow();
            outbox.write(PacketClaimed.of(packetId, packet.senderId(), seq, request.userId(), share.amount(), now));
            return new Claimed(new ClaimResult(Outcome.CLAIMED, seq, share.amount()), true);
        }
        return new Claimed(whyNot(packetId, seq, request.userId()), false);
    }

    /** The share was not free: a repeat of this very claim, or who/what has it. */
    private ClaimResult whyNot(long packetId, int seq, long userId) {
        Share share = shares.find(packetId, seq).orElseThrow();
        if (share.receiver() != null && share.receiver() == userId) {
            return new ClaimResult(Outcome.CLAIMED, seq, share.amount());
        }
        Optional<Share> own = shares.heldBy(packetId, userId);
        if (own.isPresent()) {
            return new ClaimResult(Outcome.ALREADY_CLAIMED, own.get().seq(), own.get().amount());
        }
        if (share.claimed()) {
            return new ClaimResult(Outcome.SEQ_TAKEN, seq, 0);
        }
        return new ClaimResult(share.refunded() ? Outcome.SEQ_REFUNDED : Outcome.NOT_CLAIMABLE, seq, 0);
    }

    private ClaimResult alreadyHeld(long packetId, long userId) {
        Share own = shares.heldBy(packetId, userId).orElseThrow();
        return new ClaimResult(Outcome.ALREADY_CLAIMED, own.seq(), own.amount());
    }
}
