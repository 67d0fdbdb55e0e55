package com.redpacket.platform.feign;

import com.redpacket.contracts.web.Headers;
import feign.RequestInterceptor;
import feign.RequestTemplate;
import org.slf4j.MDC;

/** Carries the current request id to the service being called, so one id follows a request through every log. */
public class RequestIdPropagation implements RequestInterceptor {
    @Override
    public void apply(RequestTemplate template) {
        String requestId = MDC.get(Headers.MDC_REQUEST_ID);
        if (requestId != null) {
            template.header(Headers.REQUEST_ID, requestId);
        }
    }
}
