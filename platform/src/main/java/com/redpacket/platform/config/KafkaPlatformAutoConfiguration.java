package com.redpacket.platform.config;

import com.redpacket.contracts.events.Topics;
import com.redpacket.platform.health.KafkaHealthIndicator;
import com.redpacket.platform.inbox.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Topics (and their dead-letter twins), the dead-letter error handler, and the Kafka health check. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
public class KafkaPlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler deadLetterErrorHandler(KafkaTemplate<?, ?> template, ObjectProvider<MeterRegistry> meters) {
        return DeadLetters.errorHandler(template, meters.getIfAvailable());
    }

    @Bean
    KafkaAdmin.NewTopics redpacketTopics(@Value("${redpacket.kafka.partitions:6}") int partitions,
                                         @Value("${redpacket.kafka.replication-factor:1}") short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : List.of(Topics.PACKET_EVENTS, Topics.PAYMENT_EVENTS, Topics.SETTLEMENT_EVENTS,
                Topics.USER_EVENTS)) {
            topics.add(TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build());
            topics.add(TopicBuilder.name(topic + Topics.DEAD_LETTER_SUFFIX).partitions(1).replicas(replicas).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class KafkaHealth {
        @Bean
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin,
                                                  @Value("${redpacket.kafka.health-timeout:2s}") Duration timeout) {
            return new KafkaHealthIndicator(admin.getConfigurationProperties(), timeout);
        }
    }
}
