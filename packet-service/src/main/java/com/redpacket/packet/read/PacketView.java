package com.redpacket.packet.read;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A packet as API.md shows it. {@code claims} only on the detail (and send) answer, {@code payment} only on the send
 * answer of a WECHAT packet; {@code bestLuckUserId} (手气最佳) only on a finished lucky packet.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PacketView(@Schema(example = "1839204857263001") String id,
                         @Schema(example = "1839204857261056") String senderId,
                         @Schema(allowableValues = {"SINGLE", "GROUP_LUCKY", "GROUP_EQUAL", "EXCLUSIVE"},
                                 example = "GROUP_LUCKY") String type,
                         @Schema(example = "恭喜发财，大吉大利") String greeting,
                         @Schema(description = "fen", example = "1000") long totalAmount,
                         @Schema(example = "5") int count,
                         @Schema(description = "fen, GROUP_EQUAL only", example = "200") Long amountEach,
                         @Schema(example = "1839204857261090") String groupId,
                         @Schema(example = "1839204857261057") String receiverId,
                         @Schema(allowableValues = {"BALANCE", "WECHAT"}, example = "BALANCE") String payChannel,
                         @Schema(allowableValues = {"0", "1", "2"}, example = "1", description = "0 unpaid, "
                                 + "2 confirmed by the app (grabs allowed, nothing credited yet), 1 paid (confirmed by "
                                 + "WeChat Pay or debited from the wallet)") int payStatus,
                         @Schema(allowableValues = {"PENDING_PAYMENT", "ACTIVE", "FINISHED", "EXPIRED"},
                                 example = "ACTIVE") String status,
                         @Schema(example = "2") int grabbedCount,
                         @Schema(description = "fen", example = "437") long grabbedAmount,
                         @Schema(description = "fen gone back to the sender", example = "0") long refundedAmount,
                         @Schema(example = "2025-01-28T12:00:00Z") Instant createdAt,
                         @Schema(example = "2025-01-29T12:00:00Z") Instant expiresAt,
                         @Schema(description = "when the last share was grabbed", example = "2025-01-28T12:00:03.214Z")
                         Instant finishedAt,
                         @Schema(description = "on the detail and send answers") List<ClaimView> claims,
                         @Schema(description = "手气最佳, on a finished GROUP_LUCKY packet", example = "1839204857261057")
                         String bestLuckUserId,
                         @Schema(description = "on the send answer of a WECHAT packet") PaymentView payment) {

    public PacketView withPayment(PaymentView p) {
        return new PacketView(id, senderId, type, greeting, totalAmount, count, amountEach, groupId, receiverId,
                payChannel, payStatus, status, grabbedCount, grabbedAmount, refundedAmount, createdAt, expiresAt,
                finishedAt, claims, bestLuckUserId, p);
    }
}
