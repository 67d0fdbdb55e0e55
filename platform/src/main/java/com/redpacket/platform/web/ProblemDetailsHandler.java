package com.redpacket.platform.web;

import com.redpacket.contracts.error.ErrorCode;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.FieldError;
import tools.jackson.core.JacksonException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one problem-details mechanism of every servlet service (RFC 9457, API.md "Errors"). Framework rejections keep
 * their HTTP status and get our {@code code}; validation failures name the field; anything unexpected is a 500
 * whose body says nothing about internals (the log has the stack trace and the request id).
 */
@RestControllerAdvice
public class ProblemDetailsHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> api(ApiException e) {
        if (e.code().status() >= 500) {
            log.error("{}: {}", e.code(), e.getMessage(), e);
        }
        return Problems.response(e.code(), e.getMessage(), e.errors(), e.extra(), new HttpHeaders());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validation(errors, new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unhandled {}", e.toString(), e);
        return Problems.response(ErrorCode.INTERNAL_ERROR, "The request could not be completed; quote the requestId.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError fe : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(fe.getField(), fe.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(ge ->
                errors.add(new FieldProblem(ge.getObjectName(), ge.getDefaultMessage())));
        return widen(validation(errors, headers));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fe ? fe.getField() : name;
                errors.add(new FieldProblem(field, error.getDefaultMessage()));
            }
        });
        return widen(validation(errors, headers));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return widen(validation(List.of(unreadable(e)), headers));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return widen(validation(List.of(new FieldProblem(field, "must be a valid " + expected)), headers));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return widen(validation(List.of(new FieldProblem(e.getParameterName(), "is required")), headers));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException m) {
            return widen(validation(List.of(new FieldProblem(m.getHeaderName(), "header is required")), headers));
        }
        ErrorCode code = Problems.codeFor(status.value());
        String detail = switch (e) {
            case HttpRequestMethodNotSupportedException m -> "Method " + m.getMethod() + " is not supported here";
            case HttpMediaTypeNotSupportedException m -> "Content type " + m.getContentType()
                    + " is not supported; send application/json";
            default -> body instanceof ProblemDetail p && p.getDetail() != null ? p.getDetail() : code.title();
        };
        if (status.is5xxServerError()) {
            log.error("request failed: {}", e.toString(), e);
        }
        return widen(Problems.response(code, detail, List.of(), Map.of(), headers));
    }

    private static ResponseEntity<ProblemDetail> validation(List<FieldProblem> errors, HttpHeaders headers) {
        String detail = errors.isEmpty() ? "The request is invalid" : errors.stream()
                .map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        return Problems.response(ErrorCode.VALIDATION_FAILED, detail, errors, Map.of(), headers);
    }

    /** Names the JSON field a body failed on (wrong type, out of range, missing), or "body" when it is not JSON. */
    static FieldProblem unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        if (cause instanceof JacksonException je && !je.getPath().isEmpty()) {
            String field = je.getPathReference() == null ? "body" : jsonPath(je);
            return new FieldProblem(field, "has an invalid value or type");
        }
        if (cause instanceof JacksonException) {
            return new FieldProblem("body", "is not valid JSON");
        }
        return new FieldProblem("body", "is missing or unreadable");
    }

    private static String jsonPath(JacksonException je) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : je.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }
}
