package com.redpacket.gateway.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The bearer token of a request's {@code Authorization} header, read as Spring Security's
 * {@link ServerBearerTokenAuthenticationConverter} reads it (RFC 6750: {@code Bearer}, any case, one space, then a
 * token68; a header that starts with "bearer" but is not that is a malformed token, 401 {@code invalid_token}; any
 * other scheme, or none, is no token), but with a loop instead of its regular expression: the gateway runs it on every
 * call, and over a 500-byte token the expression was ~4 % of the gateway's CPU in a grab storm (FINDINGS.md).
 * BearerTokensTest holds it to Spring's converter on a corpus of headers. Tokens in the query string are not accepted
 * (Spring's default too): they end up in logs.
 */
final class BearerTokens implements ServerAuthenticationConverter {
    private static final String SCHEME = "bearer";

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Mono.empty();
        }
        String token = token68(header);
        if (token == null) {
            return Mono.error(new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(
                    "Bearer token is malformed")));
        }
        return Mono.just(new BearerTokenAuthenticationToken(token));
    }

    /** The token of {@code Bearer <token68>}, or null; token68 = 1*(ALPHA / DIGIT / "-._~+/") *"=". */
    static String token68(String header) {
        int start = SCHEME.length() + 1;
        if (header.length() <= start || header.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        int end = header.length();
        while (end > start && header.charAt(end - 1) == '=') {
            end--;
        }
        if (end == start) {
            return null;
        }
        for (int i = start; i < end; i++) {
            char c = header.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
            if (!ok) {
                return null;
            }
        }
        return header.substring(start);
    }
}
