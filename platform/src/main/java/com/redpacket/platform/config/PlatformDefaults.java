package com.redpacket.platform.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Adds {@code platform-defaults.properties} as the lowest-precedence property source of every service, and just above
 * it {@code platform-defaults-docker.properties} under the {@code docker} profile, else
 * {@code platform-defaults-local.properties}. The split exists for what cannot be undone by a later property: a local
 * run registers in Eureka as 127.0.0.1, while a container must register its own address (left unset, Spring Cloud
 * detects it), so that every replica of a scaled service is reachable. The {@code json-logs} profile adds
 * {@code platform-defaults-json-logs.properties} above them: logs as JSON lines instead of text.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {
    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            String flavour = environment.matchesProfiles("docker") ? "docker" : "local";
            if (environment.matchesProfiles("json-logs")) {
                add(environment, "json-logs");
            }
            add(environment, flavour);
            environment.getPropertySources()
                    .addLast(new ResourcePropertySource("redpacket-platform-defaults",
                            new ClassPathResource("platform-defaults.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(ConfigurableEnvironment environment, String variant) throws IOException {
        environment.getPropertySources().addLast(new ResourcePropertySource("redpacket-platform-" + variant,
                new ClassPathResource("platform-defaults-" + variant + ".properties")));
    }
}
