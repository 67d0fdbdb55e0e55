package com.redpacket.settlement.payment;

import com.redpacket.contracts.events.PaymentPurpose;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.contracts.events.RefundSucceeded;
import com.redpacket.settlement.ledger.AccountRef;
import com.redpacket.settlement.ledger.BusinessKeys;
import com.redpacket.settlement.ledger.Ledger;
import com.redpacket.settlement.ledger.LedgerTransaction;
import com.redpacket.settlement.ledger.TxnKind;
import com.redpacket.settlement.packet.PacketSettlement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Money crossing the WeChat Pay boundary. In: a packet's payment funds its escrow, a top-up fills a wallet, both from
 * the WeChat clearing account. Out: a WeChat refund takes the money from the payer's wallet (settlement put every
 * returned payment there) into the WeChat refunds account; a wallet that no longer holds it fails the event, which
 * then lands in the dead-letter topic for ops (the refund happened at WeChat, it cannot be refused here).
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PaymentSettlement {
    private final Ledger ledger;
    private final PacketSettlement packets;

    public PaymentSettlement(Ledger ledger, PacketSettlement packets) {
        this.ledger = ledger;
        this.packets = packets;
    }

    public void paid(PaymentSucceeded event) {
        if (event.purpose() == PaymentPurpose.PACKET) {
            packets.paidByWeChat(event.referenceId(), event.userId(), event.amount(), event.transactionId());
        } else {
            ledger.post(LedgerTransaction.transfer(BusinessKeys.topUp(event.transactionId()), TxnKind.TOPUP,
                    event.referenceId(), AccountRef.WECHAT_CLEARING, AccountRef.wallet(event.userId()), event.amount()));
        }
    }

    public void refunded(RefundSucceeded event) {
        ledger.post(LedgerTransaction.transfer(BusinessKeys.wechatRefund(event.refundId()), TxnKind.WECHAT_REFUND,
                event.referenceId(), AccountRef.wallet(event.userId()), AccountRef.WECHAT_REFUNDS, event.amount()));
    }
}
