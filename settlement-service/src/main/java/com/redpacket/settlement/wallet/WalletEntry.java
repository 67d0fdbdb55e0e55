package com.redpacket.settlement.wallet;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** One line of the wallet statement: signed amount, kind (TOPUP, PACKET_SENT, PACKET_GRABBED, ...), packet or top-up id. */
public record WalletEntry(@Schema(example = "1839204857265001") String id,
                          @Schema(description = "fen; negative when money left the wallet", example = "-1000")
                          long amount,
                          @Schema(example = "PACKET_SENT", description = "TOPUP, PACKET_SENT, PACKET_GRABBED, "
                                  + "PACKET_REFUND, PAYMENT_RETURNED, WECHAT_REFUND, …") String kind,
                          @Schema(description = "the packet or top-up it is about", example = "1839204857263001")
                          String refId,
                          @Schema(example = "2025-01-28T12:00:00Z") Instant createdAt) {
}
