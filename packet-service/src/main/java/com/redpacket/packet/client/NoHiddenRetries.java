package com.redpacket.packet.client;

import org.springframework.cloud.openfeign.clientconfig.HttpClient5FeignConfiguration.HttpClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Apache HttpClient 5 retries any request, POST included, after a 503 or 429 by default. Every retry of a call to a
 * peer is decided by the caller instead (the claim, the debit and the prepay are idempotent, but a silent retry
 * hides outages and doubles the latency of the hot path).
 */
@Configuration(proxyBeanMethods = false)
class NoHiddenRetries {
    @Bean
    HttpClientBuilderCustomizer noAutomaticRetries() {
        return builder -> builder.disableAutomaticRetries();
    }
}
