package com.redpacket.platform.feign;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.web.Problems;
import feign.FeignException;
import feign.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A dependency that cannot be reached (refused, timed out) is 503/504 for our caller, not a 500. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FeignProblemAdvice {
    private static final Logger log = LoggerFactory.getLogger(FeignProblemAdvice.class);

    @ExceptionHandler(RetryableException.class)
    public ResponseEntity<ProblemDetail> unreachable(RetryableException e) {
        log.warn("dependency unreachable: {}", e.getMessage());
        boolean timeout = e.getCause() instanceof java.net.SocketTimeoutException;
        return Problems.response(timeout ? ErrorCode.UPSTREAM_TIMEOUT : ErrorCode.UPSTREAM_UNAVAILABLE,
                "A service this call depends on is not reachable; retry later");
    }

    @ExceptionHandler(FeignException.class)
    public ResponseEntity<ProblemDetail> failed(FeignException e) {
        log.warn("dependency call failed: {}", e.getMessage());
        return Problems.response(ErrorCode.UPSTREAM_UNAVAILABLE, "A service this call depends on failed; retry later");
    }
}
