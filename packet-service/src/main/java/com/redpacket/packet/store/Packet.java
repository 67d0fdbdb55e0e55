package com.redpacket.packet.store;

import java.time.Instant;

/** One {@code red_packet} row. */
public record Packet(long id, long senderId, PacketType type, String greeting, long totalAmount, int count,
                     Long amountEach, Long groupId, Long receiverId, PayChannel payChannel, String wechatChannel,
                     String payerOpenId, String outTradeNo, int payStatus, PacketStatus status, Instant createdAt,
                     Instant expiresAt, Instant paidAt, Instant finishedAt, Instant closedAt, long refundedAmount,
                     Instant refundSettledAt) {

    /**
     * A BALANCE packet whose debit has not gone through is a reservation, not a packet: nobody sees it, it is never
     * armed, and it is either finished (debited) or removed without trace.
     */
    public boolean visible() {
        return !(payChannel == PayChannel.BALANCE && payStatus == PayStatus.UNPAID);
    }

    /** Armed in grab-service: paid or app-confirmed, and neither cancelled nor expired. */
    public boolean grabbable() {
        return payStatus != PayStatus.UNPAID && (status == PacketStatus.ACTIVE || status == PacketStatus.FINISHED);
    }
}
