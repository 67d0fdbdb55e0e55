package com.redpacket.platform.web;

import com.redpacket.contracts.web.Headers;
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
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request its id (the gateway's {@code X-Request-Id}, or a new one), puts it and the caller in the log
 * context, echoes it on the response, and writes exactly one log line per request: method, path, status, time.
 * The query string is left out of the line: it can carry cursors and tokens. It runs inside the request's observation
 * (registered after Boot's {@link ServerHttpObservationFilter}), so the line carries the trace id too, and it tags the
 * request's span with the request id, so a trace can be found from the id a client quotes.
 */
public class RequestLogFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger("http");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = request.getHeader(Headers.REQUEST_ID);
        if (requestId == null || !SAFE_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        String userId = request.getHeader(Headers.USER_ID);
        MDC.put(Headers.MDC_REQUEST_ID, requestId);
        if (userId != null && CallerIdArgumentResolver.isUserId(userId)) {
            MDC.put(Headers.MDC_USER_ID, userId);
        }
        response.setHeader(Headers.REQUEST_ID, requestId);
        String id = requestId;
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(observation -> observation.addHighCardinalityKeyValue(KeyValue.of(Headers.SPAN_REQUEST_ID, id)));
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long micros = (System.nanoTime() - start) / 1_000;
            if (!isQuiet(request)) {
                log.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                        String.format(java.util.Locale.ROOT, "%.1f", micros / 1000.0));
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
