package com.redpacket.platform.config;

import com.redpacket.platform.events.EventJson;
import com.redpacket.platform.outbox.OutboxProperties;
import com.redpacket.platform.outbox.OutboxRelay;
import com.redpacket.platform.outbox.OutboxTracing;
import com.redpacket.platform.outbox.OutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

/** The transactional outbox and its relay, for every service that has both a database and Kafka. */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, DataPlatformAutoConfiguration.class})
@ConditionalOnClass({KafkaTemplate.class, JdbcClient.class})
@ConditionalOnBean({DataSource.class, KafkaTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    /**
     * The relay's transaction runs at READ COMMITTED: its {@code FOR UPDATE SKIP LOCKED} then locks only the rows it
     * read. Under REPEATABLE READ it also takes next-key locks on the gap where new events are inserted, so every
     * business transaction writing an event (every claim of a hot packet) waited for the relay's Kafka round trip, for
     * seconds when Kafka was slow or down.
     */
    @Bean
    @SuppressWarnings("unchecked")
    OutboxRelay outboxRelay(JdbcClient jdbc, PlatformTransactionManager transactions, KafkaTemplate<?, ?> kafka,
                            OutboxProperties props, OutboxTracing tracing, ObjectProvider<MeterRegistry> meters) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new OutboxRelay(jdbc, tx, (KafkaTemplate<String, String>) kafka, props, tracing,
                meters.getIfAvailable());
    }

    @Bean
    OutboxWriter outboxWriter(JdbcClient jdbc, EventJson eventJson, OutboxRelay relay, OutboxTracing tracing) {
        return new OutboxWriter(jdbc, eventJson, relay, tracing);
    }

    @Bean
    OutboxTracing outboxTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? OutboxTracing.NONE : new OutboxTracing(t, p);
    }
}
