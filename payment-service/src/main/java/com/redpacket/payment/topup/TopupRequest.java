package com.redpacket.payment.topup;

import com.redpacket.payment.wechat.TradeType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/wallet/topups}: fen to put into the wallet, how to pay; {@code payerOpenId} for JSAPI only. */
public record TopupRequest(
        @Schema(description = "fen, 1..5000000 (redpacket.payment.topup.*)", example = "10000") @NotNull Long amount,
        @Schema(description = "which WeChat Pay order to create", example = "NATIVE") @NotNull TradeType channel,
        @Schema(description = "the payer's openid; required for JSAPI", example = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")
        String payerOpenId) {
}
