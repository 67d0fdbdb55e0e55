package com.redpacket.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

import java.util.Map;

/** What a budget is when rate limits are switched off: everything passes, Redis is not asked. */
final class NoRateLimit implements RateLimiter<Object> {
    private static final Mono<Response> ALLOWED = Mono.just(new Response(true, Map.of()));

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return ALLOWED;
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Object> getConfigClass() {
        return Object.class;
    }

    @Override
    public Object newConfig() {
        return new Object();
    }
}
