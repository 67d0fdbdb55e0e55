package com.redpacket.platform.config;

import com.redpacket.platform.feign.FeignProblemAdvice;
import com.redpacket.platform.feign.ProblemErrorDecoder;
import com.redpacket.platform.feign.RequestIdPropagation;
import feign.codec.ErrorDecoder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
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
}
