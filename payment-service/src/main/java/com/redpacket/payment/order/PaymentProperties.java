package com.redpacket.payment.order;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code redpacket.payment.*}. The jobs' own rhythm ({@code query.interval}, {@code refund.interval}) is read by
 * their {@code @Scheduled} annotations.
 *
 * @param orderTimeout   how long an order can be paid; then it is closed at WeChat Pay (and its packet cancelled)
 * @param maxOrderAmount the largest order in fen (WeChat Pay takes amounts as 32-bit integers)
 * @param query          the active query (查单) of orders whose notification has not come
 * @param refund         asking WeChat Pay for refunds and following them up
 */
@ConfigurationProperties("redpacket.payment")
public record PaymentProperties(Duration orderTimeout, Long maxOrderAmount, Query query, Refund refund) {
    public PaymentProperties {
        orderTimeout = orderTimeout == null ? Duration.ofMinutes(15) : orderTimeout;
        maxOrderAmount = maxOrderAmount == null ? 5_000_000L : maxOrderAmount;
        if (maxOrderAmount < 1 || maxOrderAmount > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("redpacket.payment.max-order-amount must be 1.." + Integer.MAX_VALUE);
        }
        query = query == null ? new Query(null, null, null) : query;
        refund = refund == null ? new Refund(null, null) : refund;
    }

    /**
     * @param firstAfter how old a PENDING order must be before it is first queried (the notification usually wins)
     * @param every      how long to wait between two queries of the same order
     * @param batchSize  orders queried per run
     */
    public record Query(Duration firstAfter, Duration every, Integer batchSize) {
        public Query {
            firstAfter = firstAfter == null ? Duration.ofSeconds(30) : firstAfter;
            every = every == null ? Duration.ofSeconds(30) : every;
            batchSize = batchSize == null ? 100 : batchSize;
        }
    }

    /**
     * @param retryAfter how long to wait before asking WeChat Pay again after a failed refund call
     * @param queryAfter how long a PROCESSING refund waits for its notification before it is queried
     */
    public record Refund(Duration retryAfter, Duration queryAfter) {
        public Refund {
            retryAfter = retryAfter == null ? Duration.ofSeconds(30) : retryAfter;
            queryAfter = queryAfter == null ? Duration.ofMinutes(1) : queryAfter;
        }
    }
}
