package com.redpacket.settlement.ledger;

/**
 * What a transaction was for. The wallet statement shows these names as the entry {@code kind} (API.md, Wallet);
 * PACKET_PAID never touches a wallet.
 */
public enum TxnKind {
    /** WeChat clearing → wallet: a top-up paid through WeChat Pay. */
    TOPUP,
    /** Wallet → escrow: a packet paid from the balance. */
    PACKET_SENT,
    /** WeChat clearing → escrow: a packet paid through WeChat Pay. */
    PACKET_PAID,
    /** Escrow → wallet: a grabbed share. */
    PACKET_GRABBED,
    /** Escrow → wallet: unclaimed money back to the sender at expiry, or a cancelled packet's money back to its payer. */
    PACKET_REFUND,
    /** WeChat clearing → wallet: a payment for a packet that was already paid for or cancelled. */
    PAYMENT_RETURNED,
    /** Wallet → WeChat refunds: money WeChat Pay sent back to the payer's original payment method. */
    WECHAT_REFUND
}
