package com.redpacket.platform.config;

import com.redpacket.platform.web.BodySizeLimitFilter;
import com.redpacket.platform.web.CallerIdArgumentResolver;
import com.redpacket.platform.web.ProblemDetailsHandler;
import com.redpacket.platform.web.ProblemErrorController;
import com.redpacket.platform.web.RequestLogFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import java.util.List;

/** Problem details, the request log line with its request id, the body size limit, {@code @CallerId}, strict JSON. */
@AutoConfiguration(before = {WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebPlatformAutoConfiguration {

    @Bean
    ProblemDetailsHandler problemDetailsHandler() {
        return new ProblemDetailsHandler();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Just inside Boot's observation filter (HIGHEST_PRECEDENCE + 1), so the request's trace is current. */
    @Bean
    FilterRegistrationBean<RequestLogFilter> requestLogFilter() {
        FilterRegistrationBean<RequestLogFilter> bean = new FilterRegistrationBean<>(new RequestLogFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return bean;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${redpacket.web.max-body-bytes:65536}") long maxBodyBytes, JsonMapper json) {
        FilterRegistrationBean<BodySizeLimitFilter> bean =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBodyBytes, json));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return bean;
    }

    @Bean
    WebMvcConfigurer callerIdResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerIdArgumentResolver());
            }
        };
    }

    /**
     * Money and ids must arrive as what they are: no "12" for 12, no 1.5 silently cut to 1, no 1 for the second
     * constant of an enum, no true for the text "true", no null for a primitive, nothing after the JSON document.
     */
    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
