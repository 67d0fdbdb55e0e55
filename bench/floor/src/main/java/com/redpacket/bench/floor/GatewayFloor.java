package com.redpacket.bench.floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway and one route (application.yml), for the benchmark to measure the framework's own cost per
 * proxied request next to the real gateway's. The load generator sends grab-service's {@code X-User-Id} header itself,
 * as in the direct storm, since nothing here authenticates.
 */
@SpringBootApplication
public class GatewayFloor {
    public static void main(String[] args) {
        SpringApplication.run(GatewayFloor.class, args);
    }
}
