package com.redpacket.platform.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformDefaultsTest {

    @Test
    void logsAreTextWithTheRequestAndTraceIdsUnlessTheJsonLogsProfileIsOn() {
        StandardEnvironment text = environment();
        assertThat(text.getProperty("logging.structured.format.console")).isNull();
        assertThat(text.getProperty("logging.pattern.correlation"))
                .isEqualTo("[%X{requestId:-},%X{traceId:-},%X{spanId:-}] ");

        StandardEnvironment json = environment("json-logs");
        assertThat(json.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void tracesAreExportedOnlyWhenSwitchedOnAndToTheComposeBackendInDocker() {
        assertThat(environment().getProperty("management.tracing.export.otlp.enabled")).isEqualTo("false");
        assertThat(environment().getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("http://localhost:4318/v1/traces");
        assertThat(environment("docker").getProperty("management.opentelemetry.tracing.export.otlp.endpoint"))
                .isEqualTo("http://tempo:4318/v1/traces");
    }

    private static StandardEnvironment environment(String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles(profiles);
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
