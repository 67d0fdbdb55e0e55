package com.redpacket.settlement.packet;

/**
 * Settlement's knowledge of one packet's money, read under the packet's row lock, and the decisions that follow from
 * it. Plain Java: every order in which "claimed", "funded", "expired" and "cancelled" can arrive is decided here.
 *
 * @param refundDue the expiry's refund amount once {@code PacketExpired} arrived, else null
 */
public record EscrowState(long packetId, Long senderId, Long payerId, long fundedAmount, String fundingRef,
                          boolean funded, long creditedAmount, Long refundDue, long refundedAmount, boolean refunded,
                          boolean cancelled) {

    public static EscrowState unknown(long packetId) {
        return new EscrowState(packetId, null, null, 0, null, false, 0, null, 0, false, false);
    }

    /** Money in escrow: funded and neither credited to a grabber nor refunded yet. */
    public long held() {
        return fundedAmount - creditedAmount - refundedAmount;
    }

    public enum ClaimStep {
        /** Funded and the share is there: move it to the grabber now. */
        CREDIT,
        /** Not funded yet: the funding will credit it. */
        WAIT_FOR_FUNDING,
        /** The packet was cancelled: its claims are never credited. */
        VOID,
        /** Funded, but less is held than the share: the producers disagree about amounts; left for ops. */
        SHORT
    }

    public ClaimStep onClaim(long amount) {
        if (cancelled) {
            return ClaimStep.VOID;
        }
        if (!funded) {
            return ClaimStep.WAIT_FOR_FUNDING;
        }
        return held() >= amount ? ClaimStep.CREDIT : ClaimStep.SHORT;
    }

    public enum FundingStep {
        /** First money for a live packet: into escrow. */
        FUND,
        /** The same payment again (another delivery, another notification of one transaction). */
        DUPLICATE,
        /** A second payment, or money for a cancelled packet: it belongs to the payer, back to their wallet. */
        RETURN_TO_PAYER
    }

    public FundingStep onFunding(String ref) {
        if (funded && ref.equals(fundingRef)) {
            return FundingStep.DUPLICATE;
        }
        return funded || cancelled ? FundingStep.RETURN_TO_PAYER : FundingStep.FUND;
    }

    public enum RefundStep {
        /** No expiry yet, not funded (nothing to refund yet), cancelled, or already refunded. */
        NONE,
        /** Refund {@link #refundDue()} to the sender now. */
        REFUND,
        /** The packet expired with nothing unclaimed: done, nothing moves. */
        NOTHING_TO_REFUND,
        /** Less is held than the refund due: the producers disagree about amounts; left for ops. */
        SHORT
    }

    public RefundStep refundStep() {
        if (refundDue == null || refunded || cancelled || !funded) {
            return RefundStep.NONE;
        }
        if (refundDue == 0) {
            return RefundStep.NOTHING_TO_REFUND;
        }
        return held() >= refundDue ? RefundStep.REFUND : RefundStep.SHORT;
    }

    /** What a cancellation gives back to the payer: everything still held (claims of a cancelled packet are void). */
    public long voidAmount() {
        return funded ? held() : 0;
    }

    /** Who gets an expiry refund: the sender, else (a packet only known from its funding) whoever paid it in. */
    public Long refundRecipient() {
        return senderId != null ? senderId : payerId;
    }

    public EscrowState withSender(long sender) {
        return new EscrowState(packetId, senderId == null ? sender : senderId, payerId, fundedAmount, fundingRef, funded,
                creditedAmount, refundDue, refundedAmount, refunded, cancelled);
    }

    public EscrowState withFunding(long payer, long amount, String ref) {
        return new EscrowState(packetId, senderId, payer, amount, ref, true, creditedAmount, refundDue, refundedAmount,
                refunded, cancelled);
    }

    public EscrowState withCredited(long amount) {
        return new EscrowState(packetId, senderId, payerId, fundedAmount, fundingRef, funded, creditedAmount + amount,
                refundDue, refundedAmount, refunded, cancelled);
    }

    public EscrowState withRefunded(long amount) {
        return new EscrowState(packetId, senderId, payerId, fundedAmount, fundingRef, funded, creditedAmount, refundDue,
                refundedAmount + amount, true, cancelled);
    }

    public EscrowState withRefundDue(long amount) {
        return new EscrowState(packetId, senderId, payerId, fundedAmount, fundingRef, funded, creditedAmount,
                refundDue == null ? amount : refundDue, refundedAmount, refunded, cancelled);
    }

    public EscrowState withCancelled() {
        return new EscrowState(packetId, senderId, payerId, fundedAmount, fundingRef, funded, creditedAmount, refundDue,
                refundedAmount, refunded, true);
    }
}
