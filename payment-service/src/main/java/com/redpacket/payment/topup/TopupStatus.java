package com.redpacket.payment.topup;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code GET /api/wallet/topups/{id}}: PENDING until WeChat Pay confirms the money, then SUCCEEDED; or CLOSED. */
public record TopupStatus(@Schema(example = "1839204857264001") String id,
                          @Schema(description = "fen", example = "10000") long amount,
                          @Schema(allowableValues = {"PENDING", "SUCCEEDED", "CLOSED"}, example = "SUCCEEDED",
                                  description = "SUCCEEDED: WeChat Pay confirmed it and the wallet is (or is about to "
                                          + "be) credited; CLOSED: unpaid within 15 minutes") String status) {
}
