package com.redpacket.platform.openapi;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.web.Headers;
import com.redpacket.platform.web.CallerId;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsOperationsTest {
    private final ApiDocsOperations customizer = new ApiDocsOperations();

    @SuppressWarnings("unused")
    static class Handlers {
        @ProblemResponses({ErrorCode.INSUFFICIENT_BALANCE, ErrorCode.RATE_LIMITED})
        void send(@CallerId long caller, @RequestHeader(Headers.IDEMPOTENCY_KEY) String key, @RequestBody Object body) {
        }

        void login(@RequestBody Object body) {
        }

        void detail(@CallerId long caller, @PathVariable long id) {
        }

        void notify(@RequestBody byte[] body) {
        }
    }

    @Test
    void aCallerNeedsTheBearerTokenAndEachStatusListsItsCodesWithAnExampleEach() {
        Operation op = customizer.customize(new Operation()
                .addParametersItem(new Parameter().in("header").name(Headers.IDEMPOTENCY_KEY).schema(new StringSchema()))
                .responses(new ApiResponses().addApiResponse("201", new ApiResponse())), handler("send"));

        assertThat(op.getSecurity()).singleElement().satisfies(s -> assertThat(s).containsKey("bearerAuth"));
        assertThat(op.getResponses()).containsOnlyKeys("201", "400", "401", "409", "413", "429");
        assertThat(op.getResponses().get("409").getContent().get("application/problem+json").getExamples())
                .containsOnlyKeys("INSUFFICIENT_BALANCE", "IDEMPOTENCY_KEY_REUSED", "IDEMPOTENCY_IN_PROGRESS");
        assertThat(op.getResponses().get("409").getContent().get("application/problem+json").getSchema().get$ref())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(op.getResponses().get("429").getHeaders()).containsKey("Retry-After");
        @SuppressWarnings("unchecked")
        Map<String, Object> invalid = (Map<String, Object>) op.getResponses().get("400").getContent()
                .get("application/problem+json").getExamples().get("VALIDATION_FAILED").getValue();
        assertThat(invalid).containsKeys("type", "title", "status", "detail", "code", "errors")
                .containsEntry("status", 400).containsEntry("code", "VALIDATION_FAILED");
        Parameter key = op.getParameters().getFirst();
        assertThat(key.getDescription()).contains("IDEMPOTENCY_KEY_REUSED");
        assertThat(key.getSchema().getMaxLength()).isEqualTo(64);
    }

    @Test
    void aPublicCallHasNoSecurityRequirementAndNo401OfItsOwn() {
        Operation op = customizer.customize(new Operation(), handler("login"));

        assertThat(op.getSecurity()).isNull();
        assertThat(op.getResponses()).containsOnlyKeys("400", "413");
    }

    @Test
    void idsInThePathAreDocumentedAsStringsOfDigits() {
        Operation op = customizer.customize(new Operation()
                .addParametersItem(new Parameter().in("path").name("id").schema(new IntegerSchema().format("int64"))),
                handler("detail"));

        assertThat(op.getParameters().getFirst().getSchema().getType()).isEqualTo("string");
        assertThat(op.getParameters().getFirst().getSchema().getPattern()).isEqualTo("^[1-9][0-9]{0,18}$");
        assertThat(op.getResponses()).containsOnlyKeys("400", "401");
    }

    @Test
    void anOperationThatDocumentsItsOwnFailuresKeepsThem() {
        ApiResponse own = new ApiResponse().description("WeChat Pay's failure body");
        Operation op = customizer.customize(new Operation().responses(new ApiResponses()
                .addApiResponse("204", new ApiResponse()).addApiResponse("400", own)), handler("notify"));

        assertThat(op.getResponses()).containsOnlyKeys("204", "400");
        assertThat(op.getResponses().get("400")).isSameAs(own);
    }

    private static HandlerMethod handler(String name) {
        return new HandlerMethod(new Handlers(), Arrays.stream(Handlers.class.getDeclaredMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow());
    }
}
