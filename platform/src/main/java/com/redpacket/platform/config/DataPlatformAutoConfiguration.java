package com.redpacket.platform.config;

import com.redpacket.platform.events.EventJson;
import com.redpacket.platform.idempotency.IdempotencyProperties;
import com.redpacket.platform.idempotency.IdempotentRequests;
import com.redpacket.platform.inbox.Inbox;
import io.micrometer.observation.ObservationRegistry;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

/** The database-backed mechanisms: the inbox (idempotent consumer), Idempotency-Key records, their tables. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class})
@ConditionalOnClass(JdbcClient.class)
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(IdempotencyProperties.class)
@EnableScheduling
public class DataPlatformAutoConfiguration {

    @Bean
    EventJson eventJson() {
        return new EventJson();
    }

    @Bean
    Inbox inbox(JdbcClient jdbc, TransactionTemplate tx, EventJson eventJson,
                ObjectProvider<ObservationRegistry> observations) {
        return new Inbox(jdbc, tx, eventJson, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    IdempotentRequests idempotentRequests(JdbcClient jdbc, JsonMapper json, IdempotencyProperties props) {
        return new IdempotentRequests(jdbc, json, props);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(FlywayConfigurationCustomizer.class)
    static class PlatformMigrations {
        /** The platform's tables migrate with each service's own ({@code db/platform/V0_*}, before the service's V1). */
        @Bean
        FlywayConfigurationCustomizer platformMigrationLocation() {
            return configuration -> {
                List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
                locations.add(new Location("classpath:db/platform"));
                configuration.locations(locations.toArray(Location[]::new));
            };
        }
    }
}
