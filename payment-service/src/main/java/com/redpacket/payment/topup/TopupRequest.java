package com.redpacket.payment.topup;

import com.redpacket.payment.wechat.TradeType;
import jakarta.validation.constraints.NotNull;

/** {@code POST /api/wallet/topups}: fen to put into the wallet, how to pay; {@code payerOpenId} for JSAPI only. */
public record TopupRequest(@NotNull Long amount, @NotNull TradeType channel, String payerOpenId) {
}
