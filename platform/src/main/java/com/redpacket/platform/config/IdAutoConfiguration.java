package com.redpacket.platform.config;

import com.redpacket.platform.id.IdGenerator;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.ThreadLocalRandom;

/** The id generator; {@code redpacket.node-id} (0..1023) must differ between instances, else a random one is used. */
@AutoConfiguration
public class IdAutoConfiguration {
    @Bean
    IdGenerator idGenerator(@Value("${redpacket.node-id:-1}") int nodeId) {
        int node = nodeId >= 0 ? nodeId : ThreadLocalRandom.current().nextInt(1024);
        LoggerFactory.getLogger(IdGenerator.class).info("id generator node {}", node);
        return new IdGenerator(node);
    }
}
