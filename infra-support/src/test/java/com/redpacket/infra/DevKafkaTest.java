package com.redpacket.infra;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class DevKafkaTest {

    @Test
    void theTemplateInDevKafkaRendersACombinedKraftNode() throws Exception {
        String template = Files.readString(Path.of("../dev/kafka/server.properties"));
        Path logDir = Path.of("/tmp/run/kafka/data");
        Properties props = new Properties();
        props.load(new StringReader(Template.render(template,
                DevKafka.values(new HostPort("127.0.0.1", 9092), logDir))));

        assertThat(props.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(props.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(props.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:9093");
        assertThat(props.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092");
        assertThat(props.getProperty("log.dirs")).isEqualTo(logDir.toString());
        assertThat(props.getProperty("num.partitions")).isEqualTo("6");
        assertThat(props.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(props.getProperty("transaction.state.log.replication.factor")).isEqualTo("1");
        assertThat(props.getProperty("auto.create.topics.enable")).isEqualTo("true");
    }
}
