package com.redpacket.settlement.packet;

import com.redpacket.settlement.ledger.AccountRef;
import com.redpacket.settlement.ledger.TxnKind;

/**
 * Money arriving for a packet: from the payer's wallet (a BALANCE packet's debit) or through WeChat Pay.
 *
 * @param ref what identifies this payment: the WeChat transaction id, or {@link #BALANCE}
 */
public record Funding(TxnKind kind, AccountRef source, long payerId, long amount, String ref) {
    public static final String BALANCE = "BALANCE";

    public static Funding fromWallet(long userId, long amount) {
        return new Funding(TxnKind.PACKET_SENT, AccountRef.wallet(userId), userId, amount, BALANCE);
    }

    public static Funding fromWeChat(long payerId, long amount, String transactionId) {
        return new Funding(TxnKind.PACKET_PAID, AccountRef.WECHAT_CLEARING, payerId, amount, transactionId);
    }
}
