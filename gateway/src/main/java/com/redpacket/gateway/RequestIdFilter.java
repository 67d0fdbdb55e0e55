package com.redpacket.gateway;

import com.redpacket.contracts.web.Headers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * First thing every request meets: it gets an {@code X-Request-Id} (the client's if well-formed, else a new one) that
 * travels to the services and back on the response; any client-sent {@code X-User-Id} is removed (only the JWT check
 * may set it); and when it completes, one log line with method, path, status and time.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {
    public static final String REQUEST_ID_ATTR = RequestIdFilter.class.getName() + ".requestId";
    private static final Logger log = LoggerFactory.getLogger("http");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(Headers.REQUEST_ID);
        String requestId = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(h -> {
                    h.remove(Headers.USER_ID);
                    h.set(Headers.REQUEST_ID, requestId);
                })
                .build();
        exchange.getResponse().getHeaders().set(Headers.REQUEST_ID, requestId);
        exchange.getAttributes().put(REQUEST_ID_ATTR, requestId);
        long start = System.nanoTime();
        return chain.filter(exchange.mutate().request(request).build())
                .doFinally(signal -> logLine(exchange, requestId, start));
    }

    private static void logLine(ServerWebExchange exchange, String requestId, long start) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/actuator/health")) {
            return;
        }
        MDC.put(Headers.MDC_REQUEST_ID, requestId);
        try {
            var status = exchange.getResponse().getStatusCode();
            log.info("{} {} {} {}ms", exchange.getRequest().getMethod(), path, status == null ? 0 : status.value(),
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6));
        } finally {
            MDC.remove(Headers.MDC_REQUEST_ID);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
