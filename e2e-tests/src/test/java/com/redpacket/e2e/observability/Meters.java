package com.redpacket.e2e.observability;

import com.redpacket.e2e.Api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The meters ops read (README "Operations", ops/observability's dashboard and alert rules), as Prometheus names them,
 * and the process whose {@code /actuator/prometheus} shows each. {@code MetricsE2E} finds every one of them on the
 * running system; {@code ComposeFileTest} lets the dashboard and the alerts name no other.
 */
public final class Meters {
    /** Every process Prometheus scrapes, and where its actuator answers (the gateway's on its management port). */
    public enum Process {
        DISCOVERY("discovery-server", 8761),
        GATEWAY("gateway", 8086),
        USER("user-service", 8081),
        PACKET("packet-service", 8082),
        GRAB("grab-service", 8083),
        PAYMENT("payment-service", 8084),
        SETTLEMENT("settlement-service", 8085);

        public final String name;
        public final int actuatorPort;

        Process(String name, int actuatorPort) {
            this.name = name;
            this.actuatorPort = actuatorPort;
        }

        /** {@code REDPACKET_<PROCESS>_ACTUATOR_URL}, else this machine (dev/up). */
        String actuatorUrl() {
            return Api.env("REDPACKET_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_ACTUATOR_URL",
                    "http://localhost:" + actuatorPort);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Series and the processes that show them from the start (counters at 0 until something happens). */
    public static final Map<String, List<Process>> SERIES = series();

    /**
     * Registered when the first one happens, so a healthy system may not show them: checked only in the code
     * (ComposeFileTest) and by the tests of the code that counts them.
     */
    public static final Set<String> ON_FIRST_OCCURRENCE = Set.of(
            "redpacket_events_dead_letter_total", "redpacket_payment_alerts_total");

    private static Map<String, List<Process>> series() {
        List<Process> outboxes = List.of(Process.USER, Process.PACKET, Process.PAYMENT, Process.SETTLEMENT);
        List<Process> consumers = List.of(Process.PACKET, Process.GRAB, Process.SETTLEMENT);
        List<Process> web = List.of(Process.GATEWAY, Process.USER, Process.PACKET, Process.GRAB, Process.PAYMENT,
                Process.SETTLEMENT);
        Map<String, List<Process>> series = new LinkedHashMap<>();
        series.put("redpacket_grabs_seconds_count", List.of(Process.GRAB));
        series.put("redpacket_grabs_seconds_bucket", List.of(Process.GRAB));
        series.put("redpacket_packets_sent_total", List.of(Process.PACKET));
        series.put("redpacket_payment_notifications_total", List.of(Process.PAYMENT));
        series.put("redpacket_outbox_published_total", outboxes);
        series.put("redpacket_outbox_pending", outboxes);
        series.put("redpacket_outbox_oldest_age_seconds", outboxes);
        series.put("redpacket_settlement_invariants_violations", List.of(Process.SETTLEMENT));
        series.put("redpacket_settlement_invariants_checked_at_seconds", List.of(Process.SETTLEMENT));
        series.put("redpacket_settlement_reconciliation_fixed_total", List.of(Process.SETTLEMENT));
        series.put("kafka_consumer_fetch_manager_records_lag_max", consumers);
        series.put("kafka_consumer_fetch_manager_records_consumed_total", consumers);
        series.put("http_server_requests_seconds_count", web);
        series.put("http_server_requests_seconds_bucket", web);
        series.put("jvm_memory_used_bytes", List.of(Process.values()));
        return series;
    }

    private Meters() {
    }
}
