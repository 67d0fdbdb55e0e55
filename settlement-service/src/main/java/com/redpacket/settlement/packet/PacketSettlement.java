package com.redpacket.settlement.packet;

import com.redpacket.contracts.events.ClaimCredited;
import com.redpacket.contracts.events.EventIds;
import com.redpacket.contracts.events.PacketCancelled;
import com.redpacket.contracts.events.PacketClaimed;
import com.redpacket.contracts.events.PacketExpired;
import com.redpacket.contracts.events.PacketRefunded;
import com.redpacket.platform.outbox.OutboxWriter;
import com.redpacket.settlement.ledger.AccountRef;
import com.redpacket.settlement.ledger.BusinessKeys;
import com.redpacket.settlement.ledger.Ledger;
import com.redpacket.settlement.ledger.LedgerTransaction;
import com.redpacket.settlement.ledger.TxnKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A packet's money: funding into its escrow, claims out to grabbers, the expiry refund and the cancellation. Each step
 * runs in the caller's transaction and starts by locking the packet's escrow row, so "claimed" and "funded" are
 * joined exactly once whichever arrives second, also when two consumer threads process them at the same moment.
 * Every move is a ledger transaction with a business key, and announces itself through the outbox in the same commit.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PacketSettlement {
    private static final Logger log = LoggerFactory.getLogger(PacketSettlement.class);

    private final EscrowRepository escrows;
    private final ClaimRepository claims;
    private final Ledger ledger;
    private final OutboxWriter outbox;

    public PacketSettlement(EscrowRepository escrows, ClaimRepository claims, Ledger ledger, OutboxWriter outbox) {
        this.escrows = escrows;
        this.claims = claims;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    /** {@code PacketClaimed}: remember the claim; credit it now if the packet is funded, else the funding will. */
    public void claimed(PacketClaimed event) {
        claimedAll(List.of(pending(event)));
    }

    /**
     * A claim to be applied by {@link #claimedAll}, with the {@code ClaimCredited} it announces if it is credited,
     * prepared now so the announcement carries the claim's own request id and trace.
     */
    public PendingClaim pending(PacketClaimed event) {
        return new PendingClaim(event, outbox.prepare(
                ClaimCredited.of(event.packetId(), event.seq(), event.receiverId(), event.amount())));
    }

    public record PendingClaim(PacketClaimed event, OutboxWriter.Prepared credited) {
    }

    /**
     * {@code PacketClaimed} for a batch of claims, on any number of packets, in a fixed number of statements: the
     * escrow rows of all their packets locked at once (in packet order), the shares recorded, and every claim whose
     * packet is funded credited through one set-wise ledger posting ({@link Ledger#postAll}). Each claim is decided
     * exactly as one claim alone would be ({@link EscrowState#onClaim}, against its packet's escrow as the claims
     * before it in the batch left it): a known share is not recorded again (a different one is logged, the first
     * stands), an unfunded packet's claim waits for the funding, a cancelled packet's is void.
     */
    public void claimedAll(List<PendingClaim> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, List<PendingClaim>> byPacket = new TreeMap<>();
        for (PendingClaim pending : batch) {
            byPacket.computeIfAbsent(pending.event().packetId(), p -> new ArrayList<>()).add(pending);
        }
        Map<Long, EscrowState> states = escrows.lockAll(byPacket.keySet());
        Map<Long, Long> newSenders = new TreeMap<>();
        byPacket.forEach((packetId, claimsOfPacket) -> {
            EscrowState state = states.get(packetId);
            if (state.senderId() == null) {
                long sender = claimsOfPacket.getFirst().event().senderId();
                newSenders.put(packetId, sender);
                states.put(packetId, state.withSender(sender));
            }
        });
        escrows.noteSenders(newSenders);

        Map<String, Claim> known = new HashMap<>();
        for (Claim claim : claims.ofPackets(byPacket.keySet())) {
            known.put(shareKey(claim.packetId(), claim.seq()), claim);
        }
        List<PendingClaim> fresh = new ArrayList<>();
        for (List<PendingClaim> claimsOfPacket : byPacket.values()) {
            for (PendingClaim pending : claimsOfPacket) {
                if (isNew(pending.event(), known)) {
                    fresh.add(pending);
                }
            }
        }
        Set<String> postedBefore = ledger.posted(fresh.stream()
                .map(p -> BusinessKeys.claim(p.event().packetId(), p.event().seq())).toList());
        List<PacketClaimed> recorded = new ArrayList<>(fresh.size());
        Set<PacketClaimed> credited = new HashSet<>();
        List<LedgerTransaction> moves = new ArrayList<>();
        List<OutboxWriter.Prepared> announcements = new ArrayList<>();
        Map<Long, Long> creditedByPacket = new TreeMap<>();
        for (PendingClaim pending : fresh) {
            PacketClaimed e = pending.event();
            recorded.add(e);
            EscrowState state = states.get(e.packetId());
            switch (state.onClaim(e.amount())) {
                case CREDIT -> {
                    credited.add(e);
                    String key = BusinessKeys.claim(e.packetId(), e.seq());
                    if (postedBefore.contains(key)) {
                        continue; // moved before: only the mark was missing
                    }
                    moves.add(LedgerTransaction.transfer(key, TxnKind.PACKET_GRABBED, e.packetId(),
                            AccountRef.escrow(e.packetId()), AccountRef.wallet(e.receiverId()), e.amount()));
                    announcements.add(pending.credited());
                    creditedByPacket.merge(e.packetId(), e.amount(), Math::addExact);
                    states.put(e.packetId(), state.withCredited(e.amount()));
                }
                case SHORT -> log.error("packet {} holds {} fen, less than share {} of {} fen: left uncredited for ops",
                        state.packetId(), state.held(), e.seq(), e.amount());
                case WAIT_FOR_FUNDING, VOID -> {
                    // the funding credits it later; a cancelled packet's claims are never credited
                }
            }
        }
        claims.recordAll(recorded, credited);
        Set<String> moved = ledger.postAll(moves);
        if (moved.size() != moves.size()) {
            throw new IllegalStateException("claims posted meanwhile by someone else: " + moves.size() + " to move, "
                    + moved.size() + " moved");
        }
        escrows.addCreditedAll(creditedByPacket);
        outbox.writeAll(announcements);
    }

    /** Whether {@code e}'s share is not known yet; a different claim on a known share is logged (the first stands). */
    private static boolean isNew(PacketClaimed e, Map<String, Claim> known) {
        Claim claim = new Claim(e.packetId(), e.seq(), e.receiverId(), e.amount());
        Claim before = known.putIfAbsent(shareKey(e.packetId(), e.seq()), claim);
        if (before != null && !before.equals(claim)) {
            log.error("packet {} share {}: claim {} conflicts with the known {}; the first stands",
                    claim.packetId(), claim.seq(), claim, before);
        }
        return before == null;
    }

    private static String shareKey(long packetId, int seq) {
        return packetId + ":" + seq;
    }

    /** {@code PaymentSucceeded} for a packet. */
    public void paidByWeChat(long packetId, long payerId, long amount, String transactionId) {
        fund(escrows.lock(packetId), Funding.fromWeChat(payerId, amount, transactionId));
    }

    /**
     * Funds the escrow of a packet whose row the caller locked ({@link EscrowRepository#lock}), then credits the claims
     * that were waiting for it and a refund that was waiting for it. A second payment, or money for a cancelled packet,
     * goes back to the payer's wallet: the money is real (WeChat Pay confirmed it), no claim may take it, and the wallet
     * is where the payer can use or withdraw it at once.
     */
    public EscrowState.FundingStep fund(EscrowState state, Funding funding) {
        long packetId = state.packetId();
        EscrowState.FundingStep step = state.onFunding(funding.ref());
        switch (step) {
            case FUND -> {
                ledger.post(LedgerTransaction.transfer(BusinessKeys.packetFunded(packetId), funding.kind(), packetId,
                        funding.source(), AccountRef.escrow(packetId), funding.amount())).orElseThrow(() ->
                        new IllegalStateException("packet " + packetId + " has a funding transaction but no funding"));
                escrows.markFunded(packetId, funding.payerId(), funding.amount(), funding.ref());
                settleWaiting(state.withFunding(funding.payerId(), funding.amount(), funding.ref()));
            }
            case RETURN_TO_PAYER -> {
                if (funding.kind() != TxnKind.PACKET_PAID) {
                    throw new IllegalStateException("only a WeChat payment can be returned, packet " + packetId);
                }
                log.warn("packet {} is {}: payment {} of {} fen goes back to payer {}'s wallet", packetId,
                        state.cancelled() ? "cancelled" : "already paid", funding.ref(), funding.amount(),
                        funding.payerId());
                ledger.post(LedgerTransaction.transfer(BusinessKeys.returned(funding.ref()), TxnKind.PAYMENT_RETURNED,
                        packetId, AccountRef.WECHAT_CLEARING, AccountRef.wallet(funding.payerId()), funding.amount()));
            }
            case DUPLICATE -> log.debug("packet {} payment {} seen before", packetId, funding.ref());
        }
        return step;
    }

    /** {@code PacketExpired}: refund exactly the unclaimed amount to the sender, once, as soon as the packet is funded. */
    public void expired(PacketExpired event) {
        EscrowState state = escrows.lock(event.packetId()).withSender(event.senderId());
        escrows.noteSender(event.packetId(), event.senderId());
        escrows.setRefundDue(event.packetId(), event.refundAmount());
        refundIfDue(state.withRefundDue(event.refundAmount()));
    }

    /** {@code PacketCancelled}: its claims are never credited; money that arrived anyway goes back to the payer. */
    public void cancelled(PacketCancelled event) {
        long packetId = event.packetId();
        EscrowState state = escrows.lock(packetId);
        escrows.noteSender(packetId, event.senderId());
        if (state.cancelled()) {
            return;
        }
        escrows.markCancelled(packetId);
        long back = state.voidAmount();
        if (back > 0) {
            long payer = state.payerId();
            ledger.post(LedgerTransaction.transfer(BusinessKeys.voided(packetId), TxnKind.PACKET_REFUND, packetId,
                    AccountRef.escrow(packetId), AccountRef.wallet(payer), back));
            escrows.addRefunded(packetId, back);
            outbox.write(new PacketRefunded(EventIds.of("PacketRefunded:void:" + packetId), Instant.now(), 1,
                    packetId, payer, back));
            log.info("packet {} cancelled after {} fen arrived: returned to payer {}", packetId, back, payer);
        }
    }

    /** Reconciliation: lock the packet and settle whatever is due and not done. Returns how many steps it took. */
    public int settleOutstanding(long packetId) {
        return settleWaiting(escrows.lock(packetId));
    }

    private int settleWaiting(EscrowState state) {
        int fixed = 0;
        EscrowState current = state;
        for (Claim claim : claims.uncredited(state.packetId())) {
            EscrowState after = creditIfDue(current, claim);
            if (after != current) {
                fixed++;
                current = after;
            }
        }
        return fixed + (refundIfDue(current) ? 1 : 0);
    }

    /** Returns the state after the credit, or the same instance if nothing was credited. */
    private EscrowState creditIfDue(EscrowState state, Claim claim) {
        switch (state.onClaim(claim.amount())) {
            case CREDIT -> {
                boolean moved = ledger.post(LedgerTransaction.transfer(
                        BusinessKeys.claim(claim.packetId(), claim.seq()), TxnKind.PACKET_GRABBED, claim.packetId(),
                        AccountRef.escrow(claim.packetId()), AccountRef.wallet(claim.receiverId()), claim.amount()))
                        .isPresent();
                claims.markCredited(claim.packetId(), claim.seq());
                if (!moved) {
                    return state;
                }
                escrows.addCredited(claim.packetId(), claim.amount());
                outbox.write(ClaimCredited.of(claim.packetId(), claim.seq(), claim.receiverId(), claim.amount()));
                return state.withCredited(claim.amount());
            }
            case SHORT -> log.error("packet {} holds {} fen, less than share {} of {} fen: left uncredited for ops",
                    state.packetId(), state.held(), claim.seq(), claim.amount());
            case WAIT_FOR_FUNDING, VOID -> {
                // the funding credits it later; a cancelled packet's claims are never credited
            }
        }
        return state;
    }

    private boolean refundIfDue(EscrowState state) {
        long packetId = state.packetId();
        switch (state.refundStep()) {
            case REFUND -> {
                long amount = state.refundDue();
                long sender = state.refundRecipient();
                ledger.post(LedgerTransaction.transfer(BusinessKeys.refund(packetId), TxnKind.PACKET_REFUND, packetId,
                        AccountRef.escrow(packetId), AccountRef.wallet(sender), amount));
                escrows.addRefunded(packetId, amount);
                outbox.write(PacketRefunded.of(packetId, sender, amount));
                return true;
            }
            case NOTHING_TO_REFUND -> escrows.addRefunded(packetId, 0);
            case SHORT -> log.error("packet {} holds {} fen, less than its expiry refund of {} fen: left for ops",
                    packetId, state.held(), state.refundDue());
            case NONE -> {
                // not expired, not funded yet (the funding refunds it), cancelled, or done
            }
        }
        return false;
    }
}
