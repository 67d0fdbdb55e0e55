package com.redpacket.gateway.security;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.web.Headers;
import com.redpacket.gateway.EdgeProperties;
import com.redpacket.gateway.ProblemExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Who may call what at the edge.
 * <ul>
 * <li>public: {@code POST /api/users/register}, {@code POST /api/users/login}, {@code /pay/notify/**} (WeChat Pay,
 * checked by signature in payment-service);</li>
 * <li>every other {@code /api/**} call needs a valid bearer token, else 401 problem with {@code WWW-Authenticate};</li>
 * <li>anything else is not authenticated here and ends in a 404 problem: no route leads anywhere else, and
 * {@code /internal/**} is refused before this chain by {@code InternalPathGuard};</li>
 * <li>Swagger UI and the services' OpenAPI documents ({@code GET}) have a chain of their own: public, and the only
 * pages allowed to load scripts and styles (from the gateway itself).</li>
 * </ul>
 * Stateless: no session, no saved request, no CSRF (no cookies, bearer tokens only). A token sent on a public call
 * is ignored, so an app holding an expired token can still log in.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurity {
    private static final String[] API_DOCS = {"/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**"};

    /** Swagger UI's page needs its own scripts, styles and inline SVG images; everything else stays "nothing". */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain apiDocsSecurityChain(ServerHttpSecurity http) {
        return stateless(http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, API_DOCS)),
                "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
                .authorizeExchange(rules -> rules.anyExchange().permitAll())
                .build();
    }

    @Bean
    SecurityWebFilterChain edgeSecurityChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                             ProblemExceptionHandler problems, EdgeProperties edge) {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
        ServerWebExchangeMatcher publicCalls = publicCalls();
        return stateless(http, "default-src 'none'; frame-ancestors 'none'")
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .cors(cors -> cors.configurationSource(cors(edge.cors())))
                .authorizeExchange(rules -> rules
                        .matchers(publicCalls).permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(exceptOn(publicCalls))
                        .authenticationEntryPoint(entryPoint)
                        .jwt(jwt -> jwt.jwtDecoder(decoder)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler((exchange, denied) ->
                                problems.write(exchange, ErrorCode.FORBIDDEN, "Not allowed")))
                .build();
    }

    /**
     * Spring Security's strict firewall, as it is by default, with its header rules decided by {@link HeaderText}
     * instead of regular expressions (the same rules, checked on every header read).
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderText::isName);
        firewall.setAllowedHeaderValues(HeaderText::isValue);
        return firewall;
    }

    /** Requests Spring Security's firewall refuses (odd encodings, unusual methods) get a problem body too. */
    @Bean
    ServerExchangeRejectedHandler problemOnRejectedExchange(ProblemExceptionHandler problems) {
        return (exchange, rejected) -> problems.write(exchange, ErrorCode.VALIDATION_FAILED,
                "The request was rejected: malformed path, header or method");
    }

    /** No session, saved request, CSRF or login page (bearer tokens only), and the headers every answer carries. */
    private static ServerHttpSecurity stateless(ServerHttpSecurity http, String contentSecurityPolicy) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
    }

    private static ServerWebExchangeMatcher publicCalls() {
        return new OrServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/users/register", "/api/users/login"),
                ServerWebExchangeMatchers.pathMatchers("/pay/notify/**"));
    }

    private static ServerAuthenticationConverter exceptOn(ServerWebExchangeMatcher publicCalls) {
        BearerTokens bearer = new BearerTokens();
        return exchange -> publicCalls.matches(exchange)
                .flatMap(match -> match.isMatch() ? Mono.empty() : bearer.convert(exchange));
    }

    private static CorsConfigurationSource cors(EdgeProperties.Cors props) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOriginPatterns(props.allowedOriginPatterns());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", Headers.IDEMPOTENCY_KEY, Headers.REQUEST_ID));
        config.setExposedHeaders(List.of(Headers.REQUEST_ID, "Retry-After", "WWW-Authenticate", "Location"));
        config.setAllowCredentials(false);
        config.setMaxAge(props.maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        return source;
    }
}
