package com.redpacket.payment.topup;

/** {@code GET /api/wallet/topups/{id}}: PENDING until WeChat Pay confirms the money, then SUCCEEDED; or CLOSED. */
public record TopupStatus(String id, long amount, String status) {
}
