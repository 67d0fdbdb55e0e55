package com.redpacket.infra;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where dev/up expects MySQL, Redis and Kafka, from the same environment variables the services read (the services
 * bind {@code REDPACKET_DB_HOST} to {@code redpacket.db.host}; dev/up maps the Redis and Kafka ones onto Spring's).
 */
public record InfraSettings(HostPort db, String dbAdminUser, String dbAdminPassword, HostPort redis,
                            List<HostPort> kafka) {

    public static InfraSettings fromEnv(Map<String, String> env) {
        HostPort db = new HostPort(value(env, "REDPACKET_DB_HOST", "127.0.0.1"),
                port(env, "REDPACKET_DB_PORT", 3306));
        HostPort redis = new HostPort(value(env, "REDPACKET_REDIS_HOST", "127.0.0.1"),
                port(env, "REDPACKET_REDIS_PORT", 6379));
        List<HostPort> kafka = Arrays.stream(value(env, "REDPACKET_KAFKA_BOOTSTRAP", "127.0.0.1:9092").split(","))
                .filter(s -> !s.isBlank())
                .map(HostPort::parse)
                .toList();
        if (kafka.isEmpty()) {
            throw new IllegalArgumentException("REDPACKET_KAFKA_BOOTSTRAP names no broker");
        }
        return new InfraSettings(db, value(env, "REDPACKET_DB_ADMIN_USER", "root"),
                env.getOrDefault("REDPACKET_DB_ADMIN_PASSWORD", ""), redis, kafka);
    }

    public DbServer dbAdmin() {
        return DbServer.at(db, dbAdminUser, dbAdminPassword);
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = value(env, name, Integer.toString(fallback));
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "='" + value + "' is not a port number", e);
        }
    }
}
