package com.redpacket.platform.feign;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.web.ApiException;
import com.redpacket.platform.web.FieldProblem;
import feign.Response;
import feign.codec.ErrorDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns another service's problem body into an {@link ApiException} with the same code, so a 409
 * INSUFFICIENT_BALANCE from settlement reaches the app as exactly that. A 5xx (or an unreadable answer) from a
 * dependency becomes 503 UPSTREAM_UNAVAILABLE: the caller's own request did nothing wrong.
 */
public class ProblemErrorDecoder implements ErrorDecoder {
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorDecoder.class);
    private final JsonMapper json;

    public ProblemErrorDecoder(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        if (status < 500) {
            try {
                JsonNode body = readBody(response);
                if (body != null && body.hasNonNull("code")) {
                    ErrorCode code = ErrorCode.valueOf(body.get("code").asString());
                    String detail = body.hasNonNull("detail") ? body.get("detail").asString() : code.title();
                    return new ApiException(code, detail, errors(body), Map.of());
                }
            } catch (RuntimeException e) {
                log.warn("{} answered {} with an unreadable body: {}", methodKey, status, e.toString());
            }
        }
        log.warn("{} answered {}", methodKey, status);
        return new ApiException(status == 504 ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.UPSTREAM_UNAVAILABLE,
                "A service this call depends on failed; retry later");
    }

    private JsonNode readBody(Response response) {
        if (response.body() == null) {
            return null;
        }
        try (InputStream in = response.body().asInputStream()) {
            return json.readTree(in);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static List<FieldProblem> errors(JsonNode body) {
        List<FieldProblem> errors = new ArrayList<>();
        JsonNode list = body.get("errors");
        if (list != null && list.isArray()) {
            for (JsonNode e : list) {
                errors.add(new FieldProblem(e.path("field").asString(), e.path("message").asString()));
            }
        }
        return errors;
    }
}
