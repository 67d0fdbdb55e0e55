package com.redpacket.platform.openapi;

import com.redpacket.contracts.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import java.util.Arrays;
import java.util.List;

/**
 * What every service's OpenAPI document shares: its title, the gateway as its only server (a relative URL, so the
 * document never names a service's own address and "try it out" goes through the gateway), the gateway's bearer-JWT
 * scheme, and the one problem body of API.md "Errors" that {@link ApiDocsOperations} refers to.
 */
public class ApiDocsDocument implements GlobalOpenApiCustomizer {
    static final String BEARER = "bearerAuth";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String FIELD_PROBLEM = "FieldProblem";

    private final String service;

    public ApiDocsDocument(String service) {
        this.service = service;
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.info(new Info().title(service).version("1").description("""
                        The %s part of the red-packet API, as the gateway serves it: every call goes through the \
                        gateway, which checks the bearer token and passes the caller on. JSON bodies in camelCase; \
                        amounts are integer fen (1 yuan = 100 fen); ids are strings (64-bit numbers lose precision in \
                        JavaScript); times are ISO-8601 UTC. Every 4xx/5xx is an RFC 9457 problem body with a stable \
                        `code`.""".formatted(service)))
                .servers(List.of(new Server().url("/").description("the gateway")));
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.components(components
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("The token of POST /api/users/login"))
                .addSchemas(FIELD_PROBLEM, fieldProblem())
                .addSchemas(PROBLEM, problem()));
    }

    private static Schema<?> fieldProblem() {
        return new ObjectSchema()
                .description("One refused field: a dotted JSON path, a query parameter or a header, and why")
                .addProperty("field", new StringSchema().example("amount"))
                .addProperty("message", new StringSchema().example("must be 1..20000 fen"))
                .required(List.of("field", "message"));
    }

    private static Schema<?> problem() {
        List<String> codes = Arrays.stream(ErrorCode.values()).map(Enum::name).toList();
        return new ObjectSchema()
                .description("RFC 9457 problem details (application/problem+json)")
                .addProperty("type", new StringSchema().format("uri")
                        .example(ErrorCode.VALIDATION_FAILED.typeUri()))
                .addProperty("title", new StringSchema().example(ErrorCode.VALIDATION_FAILED.title()))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("amount: must be 1..20000 fen"))
                .addProperty("code", new StringSchema()._enum(codes)
                        .description("Stable UPPER_SNAKE name; apps switch on it").example("VALIDATION_FAILED"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_PROBLEM))
                        .description("Only on VALIDATION_FAILED: the refused fields"))
                .addProperty("requestId", new StringSchema().description("Quote it when reporting a problem")
                        .example("6c1f4d1e2a9b4c0d"))
                .required(List.of("type", "title", "status", "detail", "code"));
    }
}
