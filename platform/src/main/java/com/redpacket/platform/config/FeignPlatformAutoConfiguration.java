package com.redpacket.platform.config;

import com.redpacket.platform.feign.FeignProblemAdvice;
import com.redpacket.platform.feign.ProblemErrorDecoder;
import com.redpacket.platform.feign.RequestIdPropagation;
import feign.codec.ErrorDecoder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.cloud.openfeign.FeignClientSpecification;
import org.springframework.cloud.openfeign.support.FeignHttpMessageConverters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Feign clients carry the request id and turn other services' problem bodies back into {@code ApiException}s. */
@AutoConfiguration
@ConditionalOnClass(name = "feign.Feign")
public class FeignPlatformAutoConfiguration {

    @Bean
    RequestIdPropagation requestIdPropagation() {
        return new RequestIdPropagation();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorDecoder.class)
    ErrorDecoder problemErrorDecoder(JsonMapper json) {
        return new ProblemErrorDecoder(json);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FeignProblemAdvice feignProblemAdvice() {
        return new FeignProblemAdvice();
    }

    /**
     * Spring Cloud OpenFeign 5.0.2 fills each client's message converters lazily and without synchronisation: calls
     * made at the same moment as a client's first one can find the list still empty and fail ("'messageConverters'
     * must not be empty", spring-cloud-openfeign#1371): a burst of grabs right after a start. Every client's own
     * context gets {@link ConvertersFilledAtStart} (a "default." specification applies to all of them), which fills
     * the list while the context is created, on one thread.
     */
    @Bean
    static FeignClientSpecification convertersFilledAtStartSpecification() {
        return new FeignClientSpecification("default.redpacket-platform", FeignPlatformAutoConfiguration.class.getName(),
                new Class<?>[]{ConvertersFilledAtStart.class});
    }

    /** Registered in each Feign client's context; see {@link #convertersFilledAtStartSpecification()}. */
    @Configuration(proxyBeanMethods = false)
    static class ConvertersFilledAtStart {
        @Bean
        static BeanPostProcessor fillFeignConverters() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof FeignHttpMessageConverters converters) {
                        converters.getConverters();
                    }
                    return bean;
                }
            };
        }
    }
}
