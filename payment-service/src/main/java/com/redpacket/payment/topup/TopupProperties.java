package com.redpacket.payment.topup;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code redpacket.topup.*}: the smallest and largest top-up, in fen. */
@ConfigurationProperties("redpacket.topup")
public record TopupProperties(Long minAmount, Long maxAmount) {
    public TopupProperties {
        minAmount = minAmount == null ? 1L : minAmount;
        maxAmount = maxAmount == null ? 5_000_000L : maxAmount;
    }
}
