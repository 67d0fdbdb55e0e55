package com.redpacket.gateway;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Map;

/**
 * The actuator lives on the management port, but load balancers and the public contract ("every service answers
 * {@code /actuator/health}") look on the public port: there it answers the same status and nothing else (no
 * components, no other endpoint). Checks may block (discovery, disk), so they run off the event loop.
 */
@Configuration(proxyBeanMethods = false)
class PublicHealth {

    @Bean
    RouterFunction<ServerResponse> publicHealthRoutes(HealthEndpoint health, HttpCodeStatusMapper statusCodes) {
        return RouterFunctions.route()
                .GET("/actuator/health", request -> answer(health::health, statusCodes))
                .GET("/actuator/health/liveness", request -> answer(() -> health.healthForPath("liveness"), statusCodes))
                .GET("/actuator/health/readiness", request -> answer(() -> health.healthForPath("readiness"), statusCodes))
                .build();
    }

    private static Mono<ServerResponse> answer(java.util.function.Supplier<HealthDescriptor> check,
                                               HttpCodeStatusMapper statusCodes) {
        return Mono.fromSupplier(check).subscribeOn(Schedulers.boundedElastic())
                .flatMap(descriptor -> ServerResponse.status(statusCodes.getStatusCode(descriptor.getStatus()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("status", descriptor.getStatus().getCode())));
    }
}
