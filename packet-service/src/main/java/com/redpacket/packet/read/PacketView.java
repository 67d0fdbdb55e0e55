package com.redpacket.packet.read;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A packet as API.md shows it. {@code claims} only on the detail (and send) answer, {@code payment} only on the send
 * answer of a WECHAT packet; {@code bestLuckUserId} (手气最佳) only on a finished lucky packet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PacketView(String id, String senderId, String type, String greeting, long totalAmount, int count,
                         Long amountEach, String groupId, String receiverId, String payChannel, int payStatus,
                         String status, int grabbedCount, long grabbedAmount, long refundedAmount, Instant createdAt,
                         Instant expiresAt, Instant finishedAt, List<ClaimView> claims, String bestLuckUserId,
                         PaymentView payment) {

    public PacketView withPayment(PaymentView p) {
        return new PacketView(id, senderId, type, greeting, totalAmount, count, amountEach, groupId, receiverId,
                payChannel, payStatus, status, grabbedCount, grabbedAmount, refundedAmount, createdAt, expiresAt,
                finishedAt, claims, bestLuckUserId, p);
    }
}
