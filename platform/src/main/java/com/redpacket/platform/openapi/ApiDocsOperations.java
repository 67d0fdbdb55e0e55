package com.redpacket.platform.openapi;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.web.Headers;
import com.redpacket.platform.web.CallerId;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What every public operation's documentation takes from its handler's signature, so that no controller repeats it:
 * <ul>
 * <li>a handler that takes {@link CallerId} needs the gateway's bearer token, and answers 401 without one; the caller
 * id itself is never a parameter (the gateway sets it, a client's value is thrown away);</li>
 * <li>an id in the path is a string of digits, as ids are everywhere in the public API (a generated JavaScript client
 * would otherwise take a 64-bit number and lose its last digits);</li>
 * <li>the {@code Idempotency-Key} header is described once, with the two 409s of a reused or still running key;</li>
 * <li>a body, path variable, query parameter or header can be refused with 400 VALIDATION_FAILED, a body with 413;</li>
 * <li>plus the handler's own {@link ProblemResponses}.</li>
 * </ul>
 * Each status gets one response: the {@link ApiDocsDocument#PROBLEM problem} schema and an example per code.
 * An operation that documents its failures itself (WeChat Pay's notify, whose failure body is WeChat Pay's own) keeps
 * them as they are.
 */
public class ApiDocsOperations implements GlobalOperationCustomizer {
    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Set<ErrorCode> codes = EnumSet.noneOf(ErrorCode.class);
        if (has(handler, CallerId.class)) {
            operation.addSecurityItem(new SecurityRequirement().addList(ApiDocsDocument.BEARER));
            codes.add(ErrorCode.UNAUTHORIZED);
        }
        if (has(handler, RequestBody.class)) {
            codes.add(ErrorCode.VALIDATION_FAILED);
            codes.add(ErrorCode.PAYLOAD_TOO_LARGE);
        }
        if (has(handler, PathVariable.class) || has(handler, RequestParam.class) || has(handler, RequestHeader.class)) {
            codes.add(ErrorCode.VALIDATION_FAILED);
        }
        idsInPathAreStrings(operation);
        if (describeIdempotencyKey(operation)) {
            codes.addAll(List.of(ErrorCode.IDEMPOTENCY_KEY_REUSED, ErrorCode.IDEMPOTENCY_IN_PROGRESS));
        }
        ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
        if (declared != null) {
            codes.addAll(List.of(declared.value()));
        }
        if (!documentsItsOwnFailures(operation)) {
            addProblems(operation, codes);
        }
        return operation;
    }

    /** Whether the handler has a parameter with this annotation (also the completeness check's reading of a handler). */
    static boolean has(HandlerMethod handler, Class<? extends java.lang.annotation.Annotation> annotation) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static void idsInPathAreStrings(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if ("path".equals(parameter.getIn()) && isInteger(parameter.getSchema())) {
                parameter.schema(new StringSchema().pattern("^[1-9][0-9]{0,18}$")
                        .example("1839204857261090"));
            }
        }
    }

    private static boolean isInteger(Schema<?> schema) {
        // OpenAPI 3.1 documents carry the type in "types"
        return schema != null && ("integer".equals(schema.getType())
                || (schema.getTypes() != null && schema.getTypes().contains("integer")));
    }

    private static boolean describeIdempotencyKey(Operation operation) {
        if (operation.getParameters() == null) {
            return false;
        }
        for (Parameter parameter : operation.getParameters()) {
            if ("header".equals(parameter.getIn()) && Headers.IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName())) {
                parameter.description("Makes a retry safe: the same key with the same body answers the first answer "
                                + "again (same id, 201) and moves no money again; the same key with another body is 409 "
                                + "IDEMPOTENCY_KEY_REUSED. Scoped to the caller, kept at least 24 hours. Without it the "
                                + "call is not deduplicated.")
                        .schema(new StringSchema().minLength(1).maxLength(64).pattern("^[!-~]{1,64}$")
                                .example("3f1c9e0a-7b2d-4c55-9a61-0d2e8f4b7c11"));
                return true;
            }
        }
        return false;
    }

    private static boolean documentsItsOwnFailures(Operation operation) {
        return operation.getResponses() != null && operation.getResponses().keySet().stream()
                .anyMatch(status -> status.startsWith("4") || status.startsWith("5"));
    }

    private static void addProblems(Operation operation, Set<ErrorCode> codes) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        Map<Integer, List<ErrorCode>> byStatus = codes.stream()
                .collect(Collectors.groupingBy(ErrorCode::status, LinkedHashMap::new, Collectors.toList()));
        byStatus.forEach((status, statusCodes) -> {
            MediaType problem = new MediaType().schema(new Schema<>().$ref(ApiDocsDocument.PROBLEM_REF));
            statusCodes.forEach(code -> problem.addExamples(code.name(), example(code)));
            ApiResponse response = new ApiResponse()
                    .description(statusCodes.stream().map(c -> c.name() + " (" + c.title() + ")")
                            .collect(Collectors.joining(", ")))
                    .content(new Content().addMediaType(PROBLEM_JSON, problem));
            if (status == ErrorCode.RATE_LIMITED.status()) {
                response.addHeaderObject("Retry-After", new Header().description("seconds until a retry may succeed")
                        .schema(new IntegerSchema().example(1)));
            }
            operation.getResponses().addApiResponse(Integer.toString(status), response);
        });
    }

    private static Example example(ErrorCode code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.typeUri());
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", code == ErrorCode.VALIDATION_FAILED ? "amount: must be 1..20000 fen" : code.title());
        body.put("code", code.name());
        if (code == ErrorCode.VALIDATION_FAILED) {
            List<Map<String, String>> errors = new ArrayList<>();
            errors.add(Map.of("field", "amount", "message", "must be 1..20000 fen"));
            body.put("errors", errors);
        }
        body.put("requestId", "6c1f4d1e2a9b4c0d");
        return new Example().summary(code.title()).value(body);
    }
}
