package com.redpacket.packet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;

@SpringBootApplication
@EnableFeignClients
@EnableConfigurationProperties(PacketProperties.class)
public class PacketServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(PacketServiceApplication.class, args);
    }
}
