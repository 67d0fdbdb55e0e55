package com.redpacket.platform;

import com.redpacket.platform.health.KafkaHealthIndicator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The kafka health component reports the real broker, and a broker that does not answer quickly and as DOWN. */
class KafkaHealthIT extends AbstractPlatformIT {
    @Autowired
    KafkaHealthIndicator kafkaHealthIndicator;

    @Test
    void theServicesBrokerIsUpWithItsClusterId() {
        Health health = kafkaHealthIndicator.health(true);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKey("clusterId");
        assertThat((Integer) health.getDetails().get("nodes")).isPositive();
    }

    @Test
    void aBrokerThatDoesNotAnswerIsDownWithinTheTimeout() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KafkaHealthIndicator unreachable = new KafkaHealthIndicator(
                Map.of("bootstrap.servers", "127.0.0.1:" + closedPort), Duration.ofMillis(500));
        try {
            long started = System.nanoTime();
            Health health = unreachable.health(true);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            unreachable.destroy();
        }
    }
}
