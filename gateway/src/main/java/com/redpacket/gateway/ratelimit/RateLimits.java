package com.redpacket.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetSocketAddress;
import java.util.Locale;

/**
 * The budgets and their keys, referenced by name from the routes in application.yml
 * ({@code rate-limiter: "#{@grabRateLimit}"}, {@code key-resolver: "#{@callerKey}"}). The routes throw on a refusal
 * ({@code throw-on-limit}) so the refusal becomes a 429 problem with {@code Retry-After} in ProblemExceptionHandler.
 * Keys are prefixed by kind ({@code user:}, {@code ip:}, {@code name:}) so a user id can never share a bucket with an
 * address or a username. If Redis is unreachable, the limiter lets requests through (and logs): an outage of the
 * rate limiter must not become an outage of the API.
 */
@Configuration(proxyBeanMethods = false)
class RateLimits {
    /** Longer "usernames" are not real ones (32 at most) and must not become huge Redis keys. */
    private static final int MAX_USERNAME_KEY = 64;

    @Bean
    RateLimiter<?> loginRateLimit(RateLimitProperties props) {
        return budget(props, props.login());
    }

    @Bean
    RateLimiter<?> loginPerUsernameRateLimit(RateLimitProperties props) {
        return budget(props, props.loginPerUsername());
    }

    @Bean
    RateLimiter<?> sendRateLimit(RateLimitProperties props) {
        return budget(props, props.send());
    }

    /** Primary only because Spring Cloud Gateway's filter factory wants one default; every route names its own. */
    @Bean
    @Primary
    RateLimiter<?> grabRateLimit(RateLimitProperties props) {
        return budget(props, props.grab());
    }

    @Bean
    KeyResolver clientIpKey(RemoteAddressResolver clientAddress) {
        return exchange -> Mono.just("ip:" + address(clientAddress, exchange));
    }

    /** The verified user; the client address for a call without one (only public calls get this far without). */
    @Bean
    @Primary
    KeyResolver callerKey(RemoteAddressResolver clientAddress) {
        return exchange -> exchange.getPrincipal()
                .map(principal -> "user:" + principal.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + address(clientAddress, exchange)));
    }

    /**
     * The username a login or registration is for, read from the body the route cached ({@code CacheRequestBody});
     * a body without one is charged to the client's address under the same strict budget.
     */
    @Bean
    KeyResolver loginUsernameKey(RemoteAddressResolver clientAddress, JsonMapper json) {
        return exchange -> Mono.fromSupplier(() -> {
            String username = username(exchange.getAttribute(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR), json);
            return username != null ? "name:" + username.toLowerCase(Locale.ROOT)
                    : "ip:" + address(clientAddress, exchange);
        });
    }

    @Bean
    RemoteAddressResolver clientAddress(RateLimitProperties props) {
        return props.trustedProxyHops() > 0 ? XForwardedRemoteAddressResolver.maxTrustedIndex(props.trustedProxyHops())
                : new RemoteAddressResolver() {
                };
    }

    private static RateLimiter<?> budget(RateLimitProperties props, RateLimitProperties.Budget budget) {
        return props.enabled()
                ? new RedisRateLimiter(budget.replenishRate(), budget.burstCapacity(), budget.requestedTokens())
                : new NoRateLimit();
    }

    private static String address(RemoteAddressResolver resolver, ServerWebExchange exchange) {
        InetSocketAddress address = resolver.resolve(exchange);
        return address == null || address.getAddress() == null ? "unknown" : address.getAddress().getHostAddress();
    }

    private static String username(Object body, JsonMapper json) {
        if (!(body instanceof String text) || text.isBlank()) {
            return null;
        }
        try {
            JsonNode username = json.readTree(text).get("username");
            return username != null && username.isString() && !username.asString().isBlank()
                    && username.asString().length() <= MAX_USERNAME_KEY ? username.asString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
