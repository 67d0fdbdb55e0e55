package com.redpacket.gateway.security;

import com.redpacket.contracts.web.Headers;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The last word on who the caller is, just before the request leaves for a service (before the websocket and
 * Netty routing filters): {@code X-User-Id} is removed
 * whatever set it, then set to the verified token's subject, if there is one. Running after every route filter, it
 * cannot be undone by a route's configuration. The bearer token itself stays at the edge: services trust the header,
 * and a token that never reaches them cannot leak from their logs.
 */
@Component
public class CallerHeaderFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(auth -> ((JwtAuthenticationToken) auth).getToken().getSubject())
                .map(userId -> withCaller(exchange, userId))
                .switchIfEmpty(Mono.fromSupplier(() -> withCaller(exchange, null)))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange withCaller(ServerWebExchange exchange, String userId) {
        return exchange.mutate().request(r -> r.headers(h -> {
            h.remove(Headers.USER_ID);
            h.remove(HttpHeaders.AUTHORIZATION);
            if (userId != null) {
                h.set(Headers.USER_ID, userId);
            }
        })).build();
    }

    @Override
    public int getOrder() {
        return NettyRoutingFilter.ORDER - 10;
    }
}
