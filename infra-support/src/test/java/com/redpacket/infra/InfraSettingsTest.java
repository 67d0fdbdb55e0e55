package com.redpacket.infra;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfraSettingsTest {

    @Test
    void defaultsAreTheLocalServersOnTheirUsualPorts() {
        InfraSettings settings = InfraSettings.fromEnv(Map.of());
        assertThat(settings.db()).isEqualTo(new HostPort("127.0.0.1", 3306));
        assertThat(settings.dbAdmin()).isEqualTo(new DbServer("jdbc:mysql://127.0.0.1:3306/", "root", ""));
        assertThat(settings.redis()).isEqualTo(new HostPort("127.0.0.1", 6379));
        assertThat(settings.kafka()).containsExactly(new HostPort("127.0.0.1", 9092));
    }

    @Test
    void environmentOverridesEachAndBlankMeansDefault() {
        InfraSettings settings = InfraSettings.fromEnv(Map.of(
                "REDPACKET_DB_HOST", "db.example", "REDPACKET_DB_PORT", "3307",
                "REDPACKET_DB_ADMIN_USER", "admin", "REDPACKET_DB_ADMIN_PASSWORD", " secret ",
                "REDPACKET_REDIS_HOST", " ", "REDPACKET_REDIS_PORT", "6380",
                "REDPACKET_KAFKA_BOOTSTRAP", "k1:9092, k2:9093,"));
        assertThat(settings.dbAdmin()).isEqualTo(new DbServer("jdbc:mysql://db.example:3307/", "admin", " secret "));
        assertThat(settings.redis()).isEqualTo(new HostPort("127.0.0.1", 6380));
        assertThat(settings.kafka()).isEqualTo(List.of(new HostPort("k1", 9092), new HostPort("k2", 9093)));
    }

    @Test
    void aBootstrapListWithoutABrokerIsRefused() {
        assertThatThrownBy(() -> InfraSettings.fromEnv(Map.of("REDPACKET_KAFKA_BOOTSTRAP", " , ")))
                .hasMessageContaining("names no broker");
    }

    @Test
    void aPortThatIsNotANumberIsNamed() {
        assertThatThrownBy(() -> InfraSettings.fromEnv(Map.of("REDPACKET_REDIS_PORT", "six")))
                .hasMessageContaining("REDPACKET_REDIS_PORT='six'");
    }
}
