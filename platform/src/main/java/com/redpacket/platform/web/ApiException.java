package com.redpacket.platform.web;

import com.redpacket.contracts.error.ErrorCode;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller should see as a problem body with a stable {@link ErrorCode}. Thrown anywhere in a service;
 * {@link ProblemDetailsHandler} turns it into {@code application/problem+json}.
 */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldProblem> errors;
    private final Map<String, Object> extra;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of(), Map.of());
    }

    public ApiException(ErrorCode code, String detail, List<FieldProblem> errors, Map<String, Object> extra) {
        super(detail);
        this.code = code;
        this.errors = List.copyOf(errors);
        this.extra = Map.copyOf(extra);
    }

    /** 400 VALIDATION_FAILED naming one field. */
    public static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, field + ": " + message,
                List.of(new FieldProblem(field, message)), Map.of());
    }

    public static ApiException of(ErrorCode code, String detail) {
        return new ApiException(code, detail);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Extra members of the problem body (e.g. the caller's own share on a conflict). */
    public Map<String, Object> extra() {
        return extra;
    }
}
