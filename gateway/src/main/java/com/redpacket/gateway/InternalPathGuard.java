package com.redpacket.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@code /internal/**} is service-to-service only. No route matches it, and this guard also refuses any path that
 * would reach it by a detour (dot segments, encoded slashes, doubled slashes, case games) with a plain 404.
 */
@Component
public class InternalPathGuard implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        if (raw != null && isSuspicious(raw)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        return chain.filter(exchange);
    }

    static boolean isSuspicious(String rawPath) {
        String decoded = rawPath;
        for (int i = 0; i < 3; i++) {
            String next = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            if (next.equals(decoded)) {
                break;
            }
            decoded = next;
        }
        String lower = decoded.toLowerCase(Locale.ROOT).replace('\\', '/');
        return lower.startsWith("/internal") || lower.contains("/internal/") || lower.endsWith("/internal")
                || lower.contains("/../") || lower.endsWith("/..") || lower.contains("/./") || lower.contains("//")
                || lower.contains(";");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
