package com.redpacket.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/**
 * Refuses a path and query over {@code redpacket.gateway.max-uri-length} (414) and headers over
 * {@code redpacket.gateway.max-header-size} (431) with a problem body, before anything else looks at them. The HTTP
 * server's own limits are set far higher (application.yml): past those it can only answer an empty 414 or 431.
 */
@Component
public class RequestSizeLimitFilter implements WebFilter, Ordered {
    private final long maxUri;
    private final long maxHeaders;

    public RequestSizeLimitFilter(EdgeProperties props) {
        this.maxUri = props.maxUriLength().toBytes();
        this.maxHeaders = props.maxHeaderSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String query = request.getURI().getRawQuery();
        long uri = request.getURI().getRawPath().length() + (query == null ? 0 : query.length() + 1);
        if (uri > maxUri) {
            return Mono.error(new ResponseStatusException(HttpStatus.URI_TOO_LONG,
                    "The path and query are longer than " + maxUri + " characters"));
        }
        if (size(request.getHeaders()) > maxHeaders) {
            return Mono.error(new ResponseStatusException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "The request headers are larger than " + maxHeaders + " bytes"));
        }
        return chain.filter(exchange);
    }

    /** As on the wire: "name: value" and a line break per value. */
    private static long size(HttpHeaders headers) {
        long size = 0;
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            for (String value : header.getValue()) {
                size += header.getKey().length() + 2 + value.length() + 2;
            }
        }
        return size;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
