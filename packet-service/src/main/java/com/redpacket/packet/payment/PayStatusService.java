package com.redpacket.packet.payment;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.events.PacketCancelled;
import com.redpacket.contracts.events.PaymentClosed;
import com.redpacket.contracts.events.PaymentSucceeded;
import com.redpacket.packet.claim.Arming;
import com.redpacket.packet.read.PacketQueries;
import com.redpacket.packet.read.PacketView;
import com.redpacket.packet.store.Packet;
import com.redpacket.packet.store.PacketRepository;
import com.redpacket.packet.store.PacketStatus;
import com.redpacket.packet.store.PayChannel;
import com.redpacket.packet.store.ShareRepository;
import com.redpacket.platform.outbox.OutboxWriter;
import com.redpacket.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * The pay status of a WECHAT packet (ARCHITECTURE.md "Pay status"): 0 → 2 when the app says it paid (armed, claims
 * allowed, nothing credited), 0|2 → 1 when WeChat Pay confirms (armed if it was not), and cancelled when the order
 * closes unpaid. Each is a conditional UPDATE on the current pay status, so the two facts may arrive in any order and
 * any number of times; settlement-service joins "claimed" and "funded" on its side.
 */
@Service
public class PayStatusService {
    private static final Logger log = LoggerFactory.getLogger(PayStatusService.class);

    private final PacketRepository packets;
    private final ShareRepository shares;
    private final OutboxWriter outbox;
    private final Arming arming;
    private final PacketQueries queries;

    public PayStatusService(PacketRepository packets, ShareRepository shares, OutboxWriter outbox, Arming arming,
                            PacketQueries queries) {
        this.packets = packets;
        this.shares = shares;
        this.outbox = outbox;
        this.arming = arming;
        this.queries = queries;
    }

    /** {@code POST /api/packets/{id}/client-paid}: the sender's app says it paid. Repeatable. */
    public PacketView clientPaid(long caller, long packetId) {
        packets.markAppConfirmed(packetId, caller);
        Packet p = packets.find(packetId).filter(x -> x.senderId() == caller && x.visible())
                .orElseThrow(() -> ApiException.of(ErrorCode.PACKET_NOT_FOUND, "No packet " + packetId));
        if (p.payChannel() != PayChannel.WECHAT) {
            throw ApiException.of(ErrorCode.PACKET_STATE_CONFLICT, "Packet " + packetId + " is not paid through WeChat Pay");
        }
        if (p.status() == PacketStatus.CANCELLED) {
            throw ApiException.of(ErrorCode.PACKET_STATE_CONFLICT, "Packet " + packetId + " was cancelled: its order closed unpaid");
        }
        if (p.grabbable()) {
            arming.arm(packetId);
        }
        return queries.view(packetId);
    }

    /** {@code PaymentSucceeded} (purpose PACKET), inside the inbox transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void paid(PaymentSucceeded e) {
        long packetId = e.referenceId();
        Packet p = packets.find(packetId).orElse(null);
        if (p == null) {
            log.error("payment {} for unknown packet {}: nothing to arm", e.outTradeNo(), packetId);
            return;
        }
        if (e.amount() != p.totalAmount()) {
            log.error("payment {} of {} fen for packet {} of {} fen", e.outTradeNo(), e.amount(), packetId, p.totalAmount());
        }
        if (packets.markPaidByWeChat(packetId, e.paidAt() == null ? e.occurredAt() : e.paidAt())) {
            arming.armAfterCommit(packetId);
        } else if (p.status() == PacketStatus.CANCELLED) {
            log.warn("payment {} arrived for cancelled packet {}: settlement-service returns it to the payer",
                    e.outTradeNo(), packetId);
        }
    }

    /** {@code PaymentClosed} (purpose PACKET): cancel a packet WeChat Pay never confirmed; void its claims. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void closed(PaymentClosed e) {
        long packetId = e.referenceId();
        Instant now = Instant.now();
        if (!packets.markCancelled(packetId, now)) {
            return;
        }
        Packet p = packets.find(packetId).orElseThrow();
        int voided = shares.voidAll(packetId);
        outbox.write(PacketCancelled.of(packetId, p.senderId(), p.totalAmount(), voided, now));
        arming.disarmAfterCommit(packetId);
        log.info("packet {} cancelled: order {} closed unpaid, {} claims voided", packetId, e.outTradeNo(), voided);
    }
}
