package com.redpacket.contracts.internal;

/**
 * Answer to {@link ClaimRequest}. {@code seq}/{@code amount} are the caller's share for CLAIMED and ALREADY_CLAIMED.
 * <ul>
 * <li>CLAIMED: the share is now the user's (and a PacketClaimed event is committed with it)</li>
 * <li>ALREADY_CLAIMED: the user already holds another share of this packet</li>
 * <li>SEQ_TAKEN: that share belongs to someone else (a slot handed out twice after a rebuild): try the next slot</li>
 * <li>SEQ_REFUNDED: that share went back to the sender at expiry</li>
 * <li>NOT_CLAIMABLE: the packet is cancelled or not payable</li>
 * </ul>
 */
public record ClaimResult(Outcome outcome, int seq, long amount) {

    public enum Outcome {
        CLAIMED, ALREADY_CLAIMED, SEQ_TAKEN, SEQ_REFUNDED, NOT_CLAIMABLE
    }
}
