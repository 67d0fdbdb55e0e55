package com.redpacket.gateway;

import com.redpacket.contracts.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import com.redpacket.gateway.security.JwksUnavailableException;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Every error the gateway itself answers (no route, a service down or slow, a refused token, a rate limit) is an
 * RFC 9457 problem body with our {@code code}, as the services answer theirs. Runs before Boot's JSON/HTML error
 * handler. 429 and 503 carry {@code Retry-After}.
 */
@Component
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    private final JsonMapper json;

    public ProblemExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        ErrorCode code = codeFor(error);
        String detail = switch (code) {
            case UPSTREAM_UNAVAILABLE -> "The service for this path is not available; retry later";
            case UPSTREAM_TIMEOUT -> "The service for this path did not answer in time";
            case INTERNAL_ERROR -> "The request could not be completed; quote the requestId";
            default -> error instanceof ResponseStatusException rse && rse.getReason() != null
                    && code != ErrorCode.NOT_FOUND ? rse.getReason() : code.title();
        };
        if (code.status() >= 500) {
            log.warn("{} {} -> {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    code.status(), error.toString());
        }
        if (code == ErrorCode.RATE_LIMITED) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(error)));
        } else if (code == ErrorCode.UPSTREAM_UNAVAILABLE) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
        }
        return write(exchange, code, switch (code) {
            case RATE_LIMITED -> "Too many requests of this kind; retry after the time in Retry-After";
            default -> detail;
        });
    }

    public Mono<Void> write(ServerWebExchange exchange, ErrorCode code, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", URI.create(code.typeUri()).toString());
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", detail);
        body.put("code", code.name());
        body.put("instance", exchange.getRequest().getPath().value());
        Object requestId = exchange.getAttribute(RequestIdFilter.REQUEST_ID_ATTR);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        var response = exchange.getResponse();
        response.setRawStatusCode(code.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsBytes(body));
        return response.writeWith(Mono.just(buffer));
    }

    static ErrorCode codeFor(Throwable error) {
        if (error instanceof ResponseStatusException || error instanceof HttpStatusCodeException) {
            int status = error instanceof ResponseStatusException rse ? rse.getStatusCode().value()
                    : ((HttpStatusCodeException) error).getStatusCode().value();
            return switch (status) {
                case 400 -> ErrorCode.VALIDATION_FAILED;
                case 401 -> ErrorCode.UNAUTHORIZED;
                case 403 -> ErrorCode.FORBIDDEN;
                case 404 -> ErrorCode.NOT_FOUND;
                case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
                case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                case 414 -> ErrorCode.URI_TOO_LONG;
                case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
                case 429 -> ErrorCode.RATE_LIMITED;
                case 431 -> ErrorCode.HEADERS_TOO_LARGE;
                case 503 -> ErrorCode.UPSTREAM_UNAVAILABLE;
                case 504 -> ErrorCode.UPSTREAM_TIMEOUT;
                default -> status >= 500 ? ErrorCode.UPSTREAM_UNAVAILABLE : ErrorCode.VALIDATION_FAILED;
            };
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JwksUnavailableException) {
                return ErrorCode.UPSTREAM_UNAVAILABLE;
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return ErrorCode.UPSTREAM_TIMEOUT;
            }
            // not connected, or the connection broke before the answer (the service was killed while it handled
            // the call): a retryable state, which the app repeats with its Idempotency-Key
            if (t instanceof ConnectException || t instanceof IOException) {
                return ErrorCode.UPSTREAM_UNAVAILABLE;
            }
        }
        return ErrorCode.INTERNAL_ERROR;
    }

    /**
     * When the refusing budget has a token again: its cost over its refill rate, from the X-RateLimit-* headers the
     * RequestRateLimiter filter put on the refusal (the last ones belong to the budget that refused).
     */
    static long retryAfterSeconds(Throwable error) {
        HttpHeaders headers = error instanceof HttpStatusCodeException e ? e.getResponseHeaders() : null;
        if (headers == null) {
            return 1;
        }
        long rate = lastNumber(headers, RedisRateLimiter.REPLENISH_RATE_HEADER);
        long cost = lastNumber(headers, RedisRateLimiter.REQUESTED_TOKENS_HEADER);
        return rate <= 0 || cost <= 0 ? 1 : Math.max(1, (cost + rate - 1) / rate);
    }

    private static long lastNumber(HttpHeaders headers, String name) {
        var values = headers.get(name);
        try {
            return values == null || values.isEmpty() ? -1 : Long.parseLong(values.getLast());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
