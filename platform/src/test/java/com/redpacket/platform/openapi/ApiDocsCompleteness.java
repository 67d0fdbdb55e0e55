package com.redpacket.platform.openapi;

import com.redpacket.contracts.web.Headers;
import com.redpacket.platform.web.CallerId;
import org.assertj.core.api.SoftAssertions;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Guards a service's OpenAPI document against its code: every public handler method (everything the app maps but
 * {@code /internal/**}, the error page and springdoc's own endpoints; actuator is not in this mapping) must be in
 * the {@code /v3/api-docs} the app serves, with a summary, a request schema where it takes a body, a 2xx answer with
 * a schema (or a 204), documented 4xx answers, the bearer scheme exactly when it takes {@link CallerId}, and no
 * parameter for the caller id. Nothing else may be in the document. Shared by every service's {@code ApiDocsIT}.
 */
public final class ApiDocsCompleteness {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiDocsCompleteness() {
    }

    /** The document the running app serves at {@code /v3/api-docs}. */
    private static JsonNode document(ApplicationContext context) {
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("/v3/api-docs answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the document of the app is complete and has nothing else; answers the "METHOD /path" it checked. */
    public static Set<String> assertComplete(ApplicationContext context) {
        RequestMappingHandlerMapping mapping =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        JsonNode document = document(context);
        SoftAssertions softly = new SoftAssertions();
        Set<String> handled = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType().getName().startsWith("org.springdoc.")) {
                return;
            }
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/internal/") || path.equals("/error")) {
                    continue;
                }
                softly.assertThat(info.getMethodsCondition().getMethods()).as("%s declares its HTTP method", path)
                        .hasSize(1);
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    handled.add(method + " " + path);
                    checkOperation(softly, document, method, path, handler);
                }
            }
        });
        Set<String> documented = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
        softly.assertThat(documented).as("operations in /v3/api-docs").isEqualTo(handled);
        softly.assertAll();
        return handled;
    }

    private static void checkOperation(SoftAssertions softly, JsonNode document, RequestMethod method, String path,
                                       HandlerMethod handler) {
        String name = method + " " + path;
        JsonNode op = document.path("paths").path(path).path(method.name().toLowerCase(Locale.ROOT));
        if (op.isMissingNode()) {
            softly.fail("%s (%s) is not in /v3/api-docs", name, handler.getShortLogMessage());
            return;
        }
        softly.assertThat(op.path("summary").asString("")).as("%s summary", name).isNotBlank();
        if (ApiDocsOperations.has(handler, RequestBody.class)) {
            softly.assertThat(schemas(op.path("requestBody").path("content"))).as("%s request schema", name).isPositive();
        }
        String success = op.path("responses").propertyNames().stream().filter(s -> s.startsWith("2")).findFirst()
                .orElse(null);
        softly.assertThat(success).as("%s 2xx answer", name).isNotNull();
        if (success != null && !success.equals("204")) {
            softly.assertThat(schemas(op.path("responses").path(success).path("content")))
                    .as("%s %s answer schema", name, success).isPositive();
        }
        softly.assertThat(op.path("responses").propertyNames().stream().filter(s -> s.startsWith("4")))
                .as("%s documented 4xx answers", name).isNotEmpty()
                .allSatisfy(status -> softly.assertThat(schemas(op.path("responses").path(status).path("content")))
                        .as("%s %s answer schema", name, status).isPositive());
        boolean authenticated = ApiDocsOperations.has(handler, CallerId.class);
        softly.assertThat(op.path("security").findValues("bearerAuth")).as("%s bearer token", name)
                .hasSize(authenticated ? 1 : 0);
        for (JsonNode parameter : op.path("parameters")) {
            String parameterName = parameter.path("name").asString();
            softly.assertThat(parameterName).as("%s parameter", name)
                    .isNotEqualToIgnoringCase(Headers.USER_ID)
                    .isNotIn(callerParameterNames(handler));
            softly.assertThat(parameter.path("schema").has("type")).as("%s parameter %s type", name, parameterName)
                    .isTrue();
        }
        if (takesIdempotencyKey(handler)) {
            softly.assertThat(op.path("parameters").findValuesAsString("name")).as("%s headers", name)
                    .contains(Headers.IDEMPOTENCY_KEY);
        }
    }

    private static int schemas(JsonNode content) {
        int count = 0;
        for (JsonNode media : content) {
            JsonNode schema = media.path("schema");
            if (schema.has("$ref") || schema.has("type") || schema.has("oneOf")) {
                count++;
            }
        }
        return count;
    }

    private static boolean takesIdempotencyKey(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
            if (header != null && Headers.IDEMPOTENCY_KEY.equals(header.name())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> callerParameterNames(HandlerMethod handler) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(CallerId.class)) {
                parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
                names.add(String.valueOf(parameter.getParameterName()));
            }
        }
        return names;
    }
}
