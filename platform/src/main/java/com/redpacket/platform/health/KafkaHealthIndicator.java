package com.redpacket.platform.health;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Whether this service reaches its Kafka cluster ({@code /actuator/health} component {@code kafka}): Spring Boot ships
 * no Kafka indicator. One admin client is kept for the checks; each check is one metadata request bounded by
 * {@code timeout}, so a broker that is down makes the check DOWN quickly instead of hanging the health endpoint.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {
    private final Map<String, Object> adminConfig;
    private final Duration timeout;
    private Admin admin;

    public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
        super("Kafka health check failed");
        this.adminConfig = new HashMap<>(adminConfig);
        this.adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin()
                .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
        String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        int nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
        builder.status(nodes > 0 ? "UP" : "DOWN").withDetail("clusterId", clusterId).withDetail("nodes", nodes);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
