package com.redpacket.contracts.internal;

import com.redpacket.contracts.events.PaymentPurpose;

/**
 * packet-service (or payment-service's own top-ups) → payment-service {@code POST /internal/payments/orders}:
 * create (or return the existing) WeChat Pay order for a purpose + reference. Idempotent by (purpose, referenceId).
 * {@code channel} is NATIVE, APP or JSAPI; {@code payerOpenId} is needed for JSAPI only.
 */
public record PrepayRequest(PaymentPurpose purpose, long referenceId, long userId, long amount, String channel,
                            String description, String payerOpenId) {
}
