package com.redpacket.e2e.docs;

import com.redpacket.e2e.Api;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI through the gateway lists every public endpoint of API.md with its request and answer schemas: the
 * page answers, its selector names every service, and each service's document, fetched through the gateway as the
 * page fetches it, has every API.md call below with the fields, statuses, codes and security API.md gives it.
 */
class ApiDocsE2E {
    private final Api api = Api.gateway();

    /** One call of API.md: its service, answer status, the body and answer fields it names, and the codes. */
    record Call(String service, String method, String path, int status, boolean token, List<String> body,
                List<String> answer, List<String> codes) {
        String name() {
            return method + " " + path;
        }
    }

    private static final List<Call> API_MD = List.of(
            // Identity
            new Call("user-service", "POST", "/api/users/register", 201, false,
                    List.of("username", "password", "nickname"), List.of("id", "username", "nickname"),
                    List.of("VALIDATION_FAILED", "USERNAME_TAKEN")),
            new Call("user-service", "POST", "/api/users/login", 200, false, List.of("username", "password"),
                    List.of("token", "userId", "expiresIn"), List.of("UNAUTHORIZED")),
            new Call("user-service", "GET", "/api/users/me", 200, true, List.of(),
                    List.of("id", "username", "nickname"), List.of("UNAUTHORIZED")),
            new Call("user-service", "POST", "/api/groups", 201, true, List.of("name", "memberIds"),
                    List.of("id", "name", "ownerId", "memberIds"), List.of("UNAUTHORIZED", "VALIDATION_FAILED")),
            new Call("user-service", "POST", "/api/groups/{id}/members", 200, true, List.of("userId"),
                    List.of("id", "name", "ownerId", "memberIds"), List.of("GROUP_NOT_FOUND", "GROUP_FULL")),
            new Call("user-service", "GET", "/api/groups/{id}", 200, true, List.of(),
                    List.of("id", "name", "ownerId", "memberIds"), List.of("GROUP_NOT_FOUND")),
            // Wallet
            new Call("settlement-service", "GET", "/api/wallet", 200, true, List.of(), List.of("userId", "balance"),
                    List.of("UNAUTHORIZED")),
            new Call("settlement-service", "GET", "/api/wallet/entries", 200, true, List.of(),
                    List.of("items", "nextCursor"), List.of("VALIDATION_FAILED")),
            new Call("payment-service", "POST", "/api/wallet/topups", 201, true, List.of("amount", "channel"),
                    List.of("id", "outTradeNo", "status", "codeUrl", "prepay"),
                    List.of("VALIDATION_FAILED", "IDEMPOTENCY_KEY_REUSED")),
            new Call("payment-service", "GET", "/api/wallet/topups/{id}", 200, true, List.of(),
                    List.of("id", "amount", "status"), List.of("TOPUP_NOT_FOUND")),
            // Red packets
            new Call("packet-service", "POST", "/api/packets", 201, true,
                    List.of("type", "count", "totalAmount", "amountEach", "greeting", "groupId", "receiverId",
                            "payChannel"),
                    List.of("id", "senderId", "type", "greeting", "totalAmount", "count", "payChannel", "payStatus",
                            "status", "grabbedCount", "grabbedAmount", "refundedAmount", "createdAt", "expiresAt",
                            "finishedAt", "claims", "bestLuckUserId", "payment"),
                    List.of("VALIDATION_FAILED", "INSUFFICIENT_BALANCE", "IDEMPOTENCY_KEY_REUSED")),
            new Call("packet-service", "POST", "/api/packets/{id}/client-paid", 200, true, List.of(),
                    List.of("id", "payStatus", "status"), List.of("PACKET_NOT_FOUND")),
            new Call("packet-service", "GET", "/api/packets/{id}", 200, true, List.of(),
                    List.of("id", "claims", "bestLuckUserId"), List.of("PACKET_NOT_FOUND")),
            new Call("grab-service", "POST", "/api/packets/{id}/grab", 200, true, List.of(),
                    List.of("outcome", "amount", "seq"), List.of("NOT_IN_AUDIENCE", "PACKET_NOT_FOUND")),
            new Call("packet-service", "GET", "/api/packets/sent", 200, true, List.of(),
                    List.of("items", "nextCursor", "totalAmount", "count"), List.of("VALIDATION_FAILED")),
            new Call("packet-service", "GET", "/api/packets/received", 200, true, List.of(),
                    List.of("items", "nextCursor", "totalAmount", "count"), List.of("VALIDATION_FAILED")),
            // WeChat Pay
            new Call("payment-service", "POST", "/pay/notify/wechat", 204, false,
                    List.of("id", "event_type", "resource"), List.of(), List.of()));

    @Test
    void swaggerUiAnswersThroughTheGatewayWithoutAToken() {
        Api.Answer redirect = api.get("/swagger-ui.html", null);
        assertThat(redirect.status()).isIn(301, 302, 303, 307, 308);
        Api.Answer page = api.get(redirect.header("Location"), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("swagger-ui");
        assertThat(api.get("/swagger-ui/swagger-initializer.js", null).status()).isEqualTo(200);
    }

    @Test
    void everyPublicEndpointOfApiMdIsDocumentedThroughTheGateway() {
        Map<String, JsonNode> documents = documentsOfTheSelector();
        assertThat(documents).containsOnlyKeys(API_MD.stream().map(Call::service).distinct().toList());
        SoftAssertions softly = new SoftAssertions();
        for (Call call : API_MD) {
            check(softly, documents.get(call.service()), call);
        }
        documents.forEach((service, document) -> {
            softly.assertThat(document.path("servers").findValuesAsString("url")).as("%s servers", service)
                    .containsExactly("/");
            document.path("paths").propertyNames().forEach(path -> softly.assertThat(path).as("%s path", service)
                    .doesNotStartWith("/internal").doesNotStartWith("/actuator"));
            document.path("paths").forEach(operations -> operations.forEach(op -> op.path("parameters").forEach(
                    parameter -> softly.assertThat(parameter.path("name").asString()).as("%s parameter", service)
                            .isNotEqualToIgnoringCase("X-User-Id"))));
            idsAreStringsAndAmountsIntegers(softly, service, document);
        });
        softly.assertAll();
    }

    @Test
    void theGatewaysOwnDocumentShowsNothingOfTheGateway() {
        Api.Answer own = api.get("/v3/api-docs", null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("paths").isEmpty()).as(own.body()).isTrue();
    }

    /** The documents the Swagger UI page offers in its selector, fetched from the URLs it would fetch them from. */
    private Map<String, JsonNode> documentsOfTheSelector() {
        Api.Answer config = api.get("/v3/api-docs/swagger-config", null);
        assertThat(config.status()).as(config.body()).isEqualTo(200);
        Map<String, JsonNode> documents = new HashMap<>();
        for (JsonNode entry : config.json().path("urls")) {
            Api.Answer document = api.get(entry.path("url").asString(), null);
            assertThat(document.status()).as("%s: %s", entry, document.body()).isEqualTo(200);
            documents.put(document.json().path("info").path("title").asString(), document.json());
        }
        return documents;
    }

    private static void check(SoftAssertions softly, JsonNode document, Call call) {
        JsonNode op = document.path("paths").path(call.path()).path(call.method().toLowerCase(Locale.ROOT));
        if (op.isMissingNode()) {
            softly.fail("%s is not in %s's document", call.name(), call.service());
            return;
        }
        softly.assertThat(op.path("summary").asString("")).as("%s summary", call.name()).isNotBlank();
        JsonNode answer = op.path("responses").path(Integer.toString(call.status()));
        softly.assertThat(answer.isMissingNode()).as("%s answers %s", call.name(), call.status()).isFalse();
        if (!call.answer().isEmpty()) {
            softly.assertThat(properties(document, answer.path("content").path("application/json").path("schema")))
                    .as("%s answer fields", call.name()).containsAll(call.answer());
        }
        if (!call.body().isEmpty()) {
            softly.assertThat(properties(document, op.path("requestBody").path("content").path("application/json")
                    .path("schema"))).as("%s body fields", call.name()).containsAll(call.body());
        }
        softly.assertThat(op.path("security").findValues("bearerAuth")).as("%s needs a token", call.name())
                .hasSize(call.token() ? 1 : 0);
        List<String> codes = new ArrayList<>();
        op.path("responses").properties().forEach(response -> {
            JsonNode problem = response.getValue().path("content").path("application/problem+json");
            if (!problem.isMissingNode()) {
                softly.assertThat(properties(document, problem.path("schema"))).as("%s problem", call.name())
                        .contains("type", "title", "status", "detail", "code", "errors");
                problem.path("examples").forEach(example -> {
                    codes.add(example.path("value").path("code").asString());
                    softly.assertThat(example.path("value").path("status").asInt()).as("%s example", call.name())
                            .isEqualTo(Integer.parseInt(response.getKey()));
                });
            }
        });
        softly.assertThat(codes).as("%s problem codes", call.name()).containsAll(call.codes());
    }

    /** The property names of a schema, following a $ref into the document's components. */
    private static Set<String> properties(JsonNode document, JsonNode schema) {
        JsonNode resolved = resolve(document, schema);
        return Set.copyOf(resolved.path("properties").propertyNames());
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/components/schemas/")
                ? document.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()))
                : schema;
    }

    /** API.md: ids are strings (64-bit numbers lose precision in JavaScript), amounts integer fen. */
    private static void idsAreStringsAndAmountsIntegers(SoftAssertions softly, String service, JsonNode document) {
        document.path("components").path("schemas").properties().forEach(schema ->
                schema.getValue().path("properties").properties().forEach(property -> {
                    String name = property.getKey();
                    JsonNode type = property.getValue().path("type");
                    String where = service + " " + schema.getKey() + "." + name;
                    if (name.equals("id") || name.endsWith("Id")) {
                        softly.assertThat(type.asString("")).as(where).isEqualTo("string");
                    } else if (name.endsWith("Ids")) {
                        softly.assertThat(property.getValue().path("items").path("type").asString("")).as(where)
                                .isEqualTo("string");
                    } else if (name.equals("amount") || name.endsWith("Amount") || name.equals("balance")) {
                        softly.assertThat(type.asString("")).as(where).isEqualTo("integer");
                    }
                }));
    }
}
