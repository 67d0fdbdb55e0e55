package com.redpacket.platform.config;

import com.redpacket.platform.openapi.ApiDocsDocument;
import com.redpacket.platform.openapi.ApiDocsOperations;
import com.redpacket.platform.web.CallerId;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The OpenAPI document of a service that has springdoc on its class path ({@code /v3/api-docs}; the gateway routes
 * to it and serves Swagger UI): shared parts, the problem responses, and no trace of the gateway-set caller id.
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {
    static {
        // the client never sends it: the gateway sets the header from the verified token
        SpringDocUtils.getConfig().addAnnotationsToIgnore(CallerId.class);
    }

    @Bean
    ApiDocsDocument apiDocsDocument(@Value("${spring.application.name:service}") String service) {
        return new ApiDocsDocument(service);
    }

    @Bean
    ApiDocsOperations apiDocsOperations() {
        return new ApiDocsOperations();
    }
}
