package com.redpacket.grab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;

@SpringBootApplication
@EnableFeignClients
@EnableConfigurationProperties(GrabProperties.class)
public class GrabServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(GrabServiceApplication.class, args);
    }
}
