package com.redpacket.settlement.ledger;

/** The unique keys of the business steps that move money; a second transaction with the same key is a no-op. */
public final class BusinessKeys {
    private BusinessKeys() {
    }

    /** The one funding of a packet's escrow, from the sender's wallet or from WeChat Pay. */
    public static String packetFunded(long packetId) {
        return "PACKET_FUNDED:" + packetId;
    }

    public static String claim(long packetId, int seq) {
        return "CLAIM:" + packetId + ":" + seq;
    }

    /** The expiry refund of a packet's unclaimed shares. */
    public static String refund(long packetId) {
        return "REFUND:" + packetId;
    }

    /** A cancelled packet's held money going back to whoever paid it in. */
    public static String voided(long packetId) {
        return "VOID:" + packetId;
    }

    public static String topUp(String transactionId) {
        return "TOPUP:" + transactionId;
    }

    /** A WeChat payment that found its packet already paid for or cancelled. */
    public static String returned(String transactionId) {
        return "RETURNED:" + transactionId;
    }

    public static String wechatRefund(String refundId) {
        return "WECHAT_REFUND:" + refundId;
    }
}
