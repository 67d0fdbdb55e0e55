package com.redpacket.gateway;

import com.redpacket.contracts.web.Headers;
import com.redpacket.contracts.web.RequestIds;
import io.micrometer.common.KeyValue;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Optional;

/**
 * First thing every request meets: it gets an {@code X-Request-Id} (the client's if well-formed, else a new one) that
 * travels to the services and back on the response; any client-sent {@code X-User-Id} is removed (only the JWT check
 * may set it); and when it completes, one log line with method, path, status and time. The request's trace (begun
 * here, or continued from the caller's {@code traceparent}) goes on to the services with it: the log line carries its
 * trace id, and its span the request id.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {
    public static final String REQUEST_ID_ATTR = RequestIdFilter.class.getName() + ".requestId";
    private static final Logger log = LoggerFactory.getLogger("http");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = RequestIds.acceptOrNew(exchange.getRequest().getHeaders().getFirst(Headers.REQUEST_ID));
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(h -> {
                    h.remove(Headers.USER_ID);
                    h.set(Headers.REQUEST_ID, requestId);
                })
                .build();
        exchange.getResponse().getHeaders().set(Headers.REQUEST_ID, requestId);
        exchange.getAttributes().put(REQUEST_ID_ATTR, requestId);
        Optional<ServerRequestObservationContext> observation =
                ServerRequestObservationContext.findCurrent(exchange.getAttributes());
        observation.ifPresent(o -> o.addHighCardinalityKeyValue(KeyValue.of(Headers.SPAN_REQUEST_ID, requestId)));
        long start = System.nanoTime();
        return chain.filter(exchange.mutate().request(request).build())
                .doFinally(signal -> logLine(exchange, requestId, span(observation), start));
    }

    private static void logLine(ServerWebExchange exchange, String requestId, TraceContext trace, long start) {
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/actuator/health") || path.startsWith("/actuator/prometheus")) {
            return;
        }
        MDC.put(Headers.MDC_REQUEST_ID, requestId);
        if (trace != null) {
            MDC.put("traceId", trace.traceId());
            MDC.put("spanId", trace.spanId());
        }
        try {
            var status = exchange.getResponse().getStatusCode();
            log.info("{} {} {} {}ms", exchange.getRequest().getMethod(), path, status == null ? 0 : status.value(),
                    RequestIds.millis(System.nanoTime() - start));
        } finally {
            MDC.remove(Headers.MDC_REQUEST_ID);
            MDC.remove("traceId");
            MDC.remove("spanId");
        }
    }

    /** The request's server span; the line is written when the reactive chain ends, where no trace is current. */
    private static TraceContext span(Optional<ServerRequestObservationContext> observation) {
        return observation.map(o -> o.<TracingObservationHandler.TracingContext>get(
                        TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(Span::context)
                .orElse(null);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
