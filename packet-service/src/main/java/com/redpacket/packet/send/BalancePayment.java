package com.redpacket.packet.send;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.events.PacketCancelled;
import com.redpacket.contracts.internal.PacketDebitRequest;
import com.redpacket.packet.claim.Arming;
import com.redpacket.packet.client.SettlementClient;
import com.redpacket.packet.store.Packet;
import com.redpacket.packet.store.PacketRepository;
import com.redpacket.packet.store.PayStatus;
import com.redpacket.platform.outbox.OutboxWriter;
import com.redpacket.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;

/**
 * Pays a BALANCE packet: reservation (inserted unpaid, invisible, not armed) → the idempotent debit at
 * settlement-service → PAID/ACTIVE and armed. Whichever step a crash interrupts, re-running this on the same packet
 * (a retry with the same Idempotency-Key, or {@link UnpaidPacketRecovery}) completes it: the debit answers the first
 * result again. A refused debit (4xx: nothing moved) removes the reservation. A 5xx or no answer leaves it for the
 * retry, since the debit may or may not have happened.
 */
@Component
public class BalancePayment {
    private static final Logger log = LoggerFactory.getLogger(BalancePayment.class);

    private final SettlementClient settlement;
    private final PacketRepository packets;
    private final OutboxWriter outbox;
    private final Arming arming;
    private final TransactionTemplate tx;

    public BalancePayment(SettlementClient settlement, PacketRepository packets, OutboxWriter outbox, Arming arming,
                          TransactionTemplate tx) {
        this.settlement = settlement;
        this.packets = packets;
        this.outbox = outbox;
        this.arming = arming;
        this.tx = tx;
    }

    public void pay(Packet p) {
        if (p.payStatus() != PayStatus.UNPAID) {
            return;
        }
        try {
            settlement.debit(p.senderId(), new PacketDebitRequest(p.id(), p.totalAmount()));
        } catch (ApiException e) {
            if (e.code().status() < 500) {
                tx.executeWithoutResult(s -> packets.deleteUnpaidReservation(p.id()));
            }
            throw e;
        }
        activate(p);
    }

    private void activate(Packet p) {
        tx.executeWithoutResult(s -> {
            if (packets.markPaidFromBalance(p.id(), Instant.now())) {
                arming.armAfterCommit(p.id());
                return;
            }
            if (packets.find(p.id()).isEmpty()) {
                // a concurrent attempt saw the debit refused and removed the reservation, then this debit went
                // through (money arrived in between): the money is in escrow for a packet that no longer exists, so
                // cancel it and settlement-service returns it to the wallet
                log.warn("packet {} was debited after its reservation was removed: cancelling to return {} fen",
                        p.id(), p.totalAmount());
                outbox.write(PacketCancelled.of(p.id(), p.senderId(), p.totalAmount(), 0, Instant.now()));
                throw ApiException.of(ErrorCode.PACKET_STATE_CONFLICT,
                        "The packet was withdrawn while it was being paid; the amount goes back to the wallet");
            }
        });
    }
}
