package com.redpacket.platform.web;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.contracts.web.Headers;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves {@link CallerId} parameters from the gateway's {@code X-User-Id} header. */
public class CallerIdArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CallerId.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        String value = request.getHeader(Headers.USER_ID);
        if (value == null || !isUserId(value)) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "A valid bearer token is required");
        }
        return Long.parseLong(value);
    }

    static boolean isUserId(String value) {
        if (value.isEmpty() || value.length() > 19) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return false;
            }
        }
        try {
            return Long.parseLong(value) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
