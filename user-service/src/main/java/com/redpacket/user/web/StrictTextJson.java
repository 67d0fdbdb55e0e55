package com.redpacket.user.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Text fields take JSON strings only: a number or boolean where a username, password, name or id string belongs is
 * a 400 naming the field. Ids in particular must travel as strings (API.md): a client that sends a 64-bit id as a
 * JSON number has usually already lost its last digits, and accepting it would act on the wrong user.
 */
@Configuration(proxyBeanMethods = false)
class StrictTextJson {
    @Bean
    JsonMapperBuilderCustomizer textOnlyFromStrings() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
