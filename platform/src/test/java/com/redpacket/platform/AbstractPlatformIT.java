package com.redpacket.platform;

import com.redpacket.infra.TestInfra;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Real MySQL-compatible DB and a real Kafka broker, as every service's integration tests get them. */
@SpringBootTest(classes = PlatformTestApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class AbstractPlatformIT {
    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfra.mysql(registry, "platform");
        TestInfra.kafka(registry);
    }
}
