package com.redpacket.platform.web;

import com.redpacket.contracts.error.ErrorCode;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container forwards to when an error escapes Spring MVC (a filter, a rejected request line):
 * a problem body instead of Boot's whitelabel page or a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer i ? i : 500;
        if (code < 400) {
            code = 500;
        }
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure instanceof ApiException api) {
            return Problems.response(api.code(), api.getMessage(), api.errors(), api.extra(),
                    new org.springframework.http.HttpHeaders());
        }
        ErrorCode errorCode = Problems.codeFor(code);
        String detail = code >= 500 ? "The request could not be completed; quote the requestId." : errorCode.title();
        return ResponseEntity.status(code)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.body(errorCode, detail, java.util.List.of(), java.util.Map.of()));
    }
}
