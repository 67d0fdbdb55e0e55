package com.redpacket.platform.web;

import com.redpacket.contracts.web.Headers;
import com.redpacket.contracts.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.common.KeyValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.io.IOException;

/**
 * Gives every request its id (the gateway's {@code X-Request-Id}, or a new one), puts it and the caller in the log
 * context, echoes it on the response, and writes exactly one log line per request: method, path, status, time.
 * The query string is left out of the line: it can carry cursors and tokens. It runs inside the request's observation
 * (registered after Boot's {@link ServerHttpObservationFilter}), so the line carries the trace id too, and it tags the
 * request's span with the request id, so a trace can be found from the id a client quotes.
 */
public class RequestLogFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger("http");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestIds.acceptOrNew(request.getHeader(Headers.REQUEST_ID));
        String userId = request.getHeader(Headers.USER_ID);
        MDC.put(Headers.MDC_REQUEST_ID, requestId);
        if (userId != null && CallerIdArgumentResolver.isUserId(userId)) {
            MDC.put(Headers.MDC_USER_ID, userId);
        }
        response.setHeader(Headers.REQUEST_ID, requestId);
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(observation ->
                observation.addHighCardinalityKeyValue(KeyValue.of(Headers.SPAN_REQUEST_ID, requestId)));
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (!isQuiet(request)) {
                log.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        RequestIds.millis(System.nanoTime() - start));
            }
            MDC.remove(Headers.MDC_REQUEST_ID);
            MDC.remove(Headers.MDC_USER_ID);
        }
    }

    /** Health probes every few seconds would drown the log; they are still counted by the metrics. */
    private static boolean isQuiet(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/actuator/health") || uri.startsWith("/actuator/prometheus");
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
