package com.redpacket.gateway.security;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.gateway.ProblemExceptionHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * 401 as a problem body (code UNAUTHORIZED) with the RFC 6750 challenge. Why a token was refused (expired, foreign
 * key, wrong audience...) is not told: it helps only someone forging tokens.
 */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {
    private final ProblemExceptionHandler problems;

    ProblemAuthenticationEntryPoint(ProblemExceptionHandler problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        boolean tokenGiven = e instanceof InvalidBearerTokenException
                || exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
        return problems.write(exchange, ErrorCode.UNAUTHORIZED,
                tokenGiven ? "The bearer token is invalid or expired; log in again"
                        : "This call needs Authorization: Bearer <token> from POST /api/users/login");
    }
}
