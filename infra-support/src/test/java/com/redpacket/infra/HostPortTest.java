package com.redpacket.infra;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostPortTest {

    @Test
    void parsesHostAndPort() {
        assertThat(HostPort.parse(" 127.0.0.1:9092 ")).isEqualTo(new HostPort("127.0.0.1", 9092));
        assertThat(HostPort.parse("kafka:9092")).isEqualTo(new HostPort("kafka", 9092));
    }

    @Test
    void ipv6LiteralsKeepTheirBracketsOnlyInText() {
        HostPort v6 = HostPort.parse("[::1]:6379");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6).hasToString("[::1]:6379");
    }

    @Test
    void refusesWhatIsNotHostPort() {
        assertThatThrownBy(() -> HostPort.parse("localhost")).hasMessageContaining("not host:port");
        assertThatThrownBy(() -> HostPort.parse(":9092")).hasMessageContaining("not host:port");
        assertThatThrownBy(() -> HostPort.parse("localhost:")).hasMessageContaining("not host:port");
        assertThatThrownBy(() -> HostPort.parse("localhost:http")).hasMessageContaining("no numeric port");
        assertThatThrownBy(() -> HostPort.parse("localhost:70000")).hasMessageContaining("outside 1..65535");
    }

    @Test
    void loopbackIsThisMachineAndAnUnresolvableNameIsNot() {
        assertThat(new HostPort("127.0.0.1", 3306).isThisMachine()).isTrue();
        assertThat(new HostPort("localhost", 3306).isThisMachine()).isTrue();
        assertThat(new HostPort("no-such-host.invalid", 3306).isThisMachine()).isFalse();
    }
}
