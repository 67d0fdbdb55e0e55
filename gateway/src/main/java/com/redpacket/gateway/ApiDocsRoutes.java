package com.redpacket.gateway;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import java.util.Set;

/**
 * One route per OpenAPI document the Swagger UI page lists ({@code springdoc.swagger-ui.urls}: {@code name} is the
 * service's id in Eureka, {@code url} the gateway path): a GET of exactly that path reaches the service's
 * {@code /v3/api-docs} and nothing else of it. Like the page, the documents are public and not rate-limited.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {
    private static final String SERVICE_DOCS_PATH = "/v3/api-docs";

    @Bean
    RouteLocator apiDocsRouteLocator(RouteLocatorBuilder builder, ObjectProvider<SwaggerUiConfigProperties> swaggerUi) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        Set<SwaggerUrl> documents = swaggerUi.getIfAvailable(SwaggerUiConfigProperties::new).getUrls();
        for (SwaggerUrl document : documents) {
            routes.route("api-docs-" + document.getName(), route -> route
                    .method(HttpMethod.GET).and().path(document.getUrl())
                    .filters(filters -> filters.setPath(SERVICE_DOCS_PATH))
                    .uri("lb://" + document.getName()));
        }
        return routes.build();
    }
}
