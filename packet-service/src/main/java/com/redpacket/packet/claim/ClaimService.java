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
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A claim of one share (ARCHITECTURE.md "Grab"), one short transaction: the conditional UPDATE of the share's own row
 * (the unique (packet_id, receiver) key refusing a second share for the user) and the {@code PacketClaimed} outbox
 * event. The packet row and the share's amount are read before, without locks, and the packet row is never written
 * here, so a hot packet's claims do not wait for each other. When the share is not taken the transaction rolls back
 * and fresh reads, after it, say why.
 */
@Service
public class ClaimService {
    private final PacketRepository packets;
    private final ShareRepository shares;
    private final OutboxWriter outbox;
    private final TransactionTemplate tx;

    public ClaimService(PacketRepository packets, ShareRepository shares, OutboxWriter outbox, TransactionTemplate tx) {
        this.packets = packets;
        this.shares = shares;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** {@code fresh}: this call took the share (so it may have been the last one). */
    public record Claimed(ClaimResult result, boolean fresh) {
    }

    public Claimed claim(long packetId, ClaimRequest request) {
        Packet packet = packets.find(packetId).filter(Packet::visible)
                .orElseThrow(() -> ApiException.of(ErrorCode.PACKET_NOT_FOUND, "No packet " + packetId));
        int seq = request.seq();
        long userId = request.userId();
        if (seq < 1 || seq > packet.count()) {
            throw ApiException.invalid("seq", "must be between 1 and " + packet.count());
        }
        if (userId <= 0) {
            throw ApiException.invalid("userId", "must be a user id");
        }
        if (packet.status() == PacketStatus.CANCELLED || packet.payStatus() == PayStatus.UNPAID) {
            return new Claimed(new ClaimResult(Outcome.NOT_CLAIMABLE, seq, 0), false);
        }
        long amount = shares.find(packetId, seq).orElseThrow().amount();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean took = Boolean.TRUE.equals(tx.execute(status -> {
            try {
                if (shares.claim(packetId, seq, userId, now)) {
                    outbox.write(PacketClaimed.of(packetId, packet.senderId(), seq, userId, amount, now));
                    return true;
                }
            } catch (DuplicateKeyException e) {
                // the user holds another share: told below
            }
            status.setRollbackOnly();
            return false;
        }));
        if (took) {
            return new Claimed(new ClaimResult(Outcome.CLAIMED, seq, amount), true);
        }
        return new Claimed(whyNot(packetId, seq, userId), false);
    }

    /** The share was not free, or the user holds one already: a repeat of this very claim, or who/what has it. */
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
}
