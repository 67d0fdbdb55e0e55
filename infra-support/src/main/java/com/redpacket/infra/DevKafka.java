package com.redpacket.infra;

import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The single-node KRaft broker dev/up runs when no broker answers: its server.properties rendered from the template
 * in dev/kafka/, and its storage formatted once (a formatted log directory keeps its cluster id and its topics).
 */
final class DevKafka {
    private final Path home;

    DevKafka(Path home) {
        this.home = home;
    }

    Path config() {
        return home.resolve("server.properties");
    }

    Path logDir() {
        return home.resolve("data");
    }

    static Map<String, String> values(HostPort broker, Path logDir) {
        return Map.of(
                "HOST", broker.host(),
                "BROKER_PORT", Integer.toString(broker.port()),
                "CONTROLLER_PORT", Integer.toString(broker.port() + 1),
                "LOG_DIR", logDir.toAbsolutePath().toString());
    }

    /** Writes the broker's configuration; formats its storage if this is the first start. */
    void prepare(Path template, HostPort broker) {
        try {
            Files.createDirectories(home);
            Files.writeString(config(), Template.render(Files.readString(template), values(broker, logDir())));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + config(), e);
        }
        if (!Files.exists(logDir().resolve("meta.properties"))) {
            format();
        }
    }

    private void format() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        String[] args = {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config().toString()};
        int status;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(args, out);
        } catch (RuntimeException e) {
            throw new InfraException("kafka: formatting " + logDir() + " failed: " + e.getMessage(), e);
        }
        if (status != 0) {
            throw new InfraException("kafka: formatting " + logDir() + " failed:\n" + output.toString(StandardCharsets.UTF_8));
        }
    }
}
