package com.redpacket.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code redpacket.gateway.rate-limits.*}: token buckets in Redis (Spring Cloud Gateway's {@code RedisRateLimiter}).
 * A budget refills {@code replenishRate} tokens per second up to {@code burstCapacity}; a request costs
 * {@code requestedTokens} (so replenish 1 / cost 6 is one request per 6 seconds).
 *
 * @param enabled          false turns every budget off (e.g. for a benchmark): REDPACKET_GATEWAY_RATE_LIMITS_ENABLED=false
 * @param trustedProxyHops how many proxies in front of the gateway append to X-Forwarded-For; 0 (default) means the
 *                         client address is the TCP peer and X-Forwarded-For is ignored (a client could forge it)
 * @param login            register and login, per client IP
 * @param loginPerUsername register and login, per username in the body: the brute-force guard that a botnet with
 *                         many addresses cannot spread out
 * @param send             {@code POST /api/packets}, per user
 * @param grab             {@code POST /api/packets/{id}/grab}, per user
 */
@ConfigurationProperties("redpacket.gateway.rate-limits")
public record RateLimitProperties(Boolean enabled, Integer trustedProxyHops, Budget login, Budget loginPerUsername,
                                  Budget send, Budget grab) {
    public RateLimitProperties {
        enabled = enabled == null || enabled;
        trustedProxyHops = trustedProxyHops == null ? 0 : trustedProxyHops;
        login = login == null ? new Budget(50, 200L, 1) : login;
        loginPerUsername = loginPerUsername == null ? new Budget(1, 60L, 6) : loginPerUsername;
        send = send == null ? new Budget(10, 30L, 1) : send;
        grab = grab == null ? new Budget(50, 100L, 1) : grab;
    }

    public record Budget(Integer replenishRate, Long burstCapacity, Integer requestedTokens) {
        public Budget {
            replenishRate = replenishRate == null ? 10 : replenishRate;
            burstCapacity = burstCapacity == null ? 2L * replenishRate : burstCapacity;
            requestedTokens = requestedTokens == null ? 1 : requestedTokens;
        }
    }
}
