package com.redpacket.wechatpay.emulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Map;

/** Errors in WeChat Pay's own shape: {@code {"code": ..., "message": ...}} with its HTTP status. */
@RestControllerAdvice
public class ErrorAdvice {
    private static final Logger log = LoggerFactory.getLogger(ErrorAdvice.class);

    @ExceptionHandler(WechatPayError.class)
    ResponseEntity<Map<String, String>> wechatPay(WechatPayError e) {
        return body(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        return body(400, "PARAM_ERROR", "参数错误: the request body or a parameter is malformed");
    }

    /** Unknown paths, wrong methods and the like keep their HTTP status; anything else is WeChat Pay's 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> unexpected(Exception e) {
        if (e instanceof ErrorResponse framework) {
            int status = framework.getStatusCode().value();
            return body(status, status == 404 ? "NOT_FOUND" : "PARAM_ERROR", e.getMessage());
        }
        log.error("emulator failed", e);
        return body(500, "SYSTEM_ERROR", "系统错误");
    }

    private static ResponseEntity<Map<String, String>> body(int status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "message", message));
    }
}
