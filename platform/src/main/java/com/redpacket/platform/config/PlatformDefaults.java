package com.redpacket.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code platform-defaults.properties} as the lowest-precedence property source of every service, and under
 * the {@code docker} profile {@code platform-defaults-docker.properties} just above it.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            if (environment.matchesProfiles("docker")) {
                environment.getPropertySources()
                        .addLast(new ResourcePropertySource("redpacket-platform-docker",
                                new ClassPathResource("platform-defaults-docker.properties")));
            }
            environment.getPropertySources()
                    .addLast(new ResourcePropertySource("redpacket-platform-defaults",
                            new ClassPathResource("platform-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
