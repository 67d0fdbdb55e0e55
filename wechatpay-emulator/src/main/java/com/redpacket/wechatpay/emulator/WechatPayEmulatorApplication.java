package com.redpacket.wechatpay.emulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The WeChat Pay emulator: local runs and tests only, never a production deployment, never in Eureka.
 * <p>It imports exactly the auto-configuration it needs instead of enabling all of it, so it behaves the same run
 * alone and started inside another module's test JVM (whose classpath brings databases, Kafka and Eureka along).
 */
@SpringBootConfiguration
@ComponentScan
@EnableConfigurationProperties(EmulatorProperties.class)
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
        SslAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, HttpEncodingAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
public class WechatPayEmulatorApplication {

    @Bean
    KeyMaterial keyMaterial(EmulatorProperties props) {
        return KeyMaterial.load(props.keyDir());
    }

    public static void main(String[] args) {
        SpringApplication.run(WechatPayEmulatorApplication.class, args);
    }

    /**
     * Starts an emulator inside the calling JVM (tests of other modules) with only the given properties: no
     * {@code application.yml} is read, since the host module's own would be found first on the classpath.
     */
    public static ConfigurableApplicationContext startEmbedded(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("spring.config.name", "wechatpay-emulator-embedded");
        all.put("spring.main.banner-mode", "off");
        all.put("spring.application.name", "wechatpay-emulator");
        all.putAll(properties);
        return new SpringApplicationBuilder(WechatPayEmulatorApplication.class).properties(all).run();
    }

    /** The port an embedded or standalone emulator listens on. */
    public static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }
}
