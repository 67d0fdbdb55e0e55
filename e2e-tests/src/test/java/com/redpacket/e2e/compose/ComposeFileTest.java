package com.redpacket.e2e.compose;

import com.redpacket.e2e.observability.Meters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run on a machine without a Docker engine, so it is checked against what it describes:
 * the services dev/up starts (dev/lib.sh), the ports and properties the services really read, the build modules,
 * healthchecks and start order. A renamed property, a wrong port or a service forgotten in compose fails here.
 */
class ComposeFileTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> INFRA = Set.of("mysql", "redis", "kafka");
    /** Variables read by the JVM or Spring itself rather than by a property of ours. */
    private static final Set<String> STANDARD_ENV = Set.of("SPRING_PROFILES_ACTIVE", "JAVA_TOOL_OPTIONS");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]");
    /** A series a PromQL expression reads (the services' own and the framework meters they expose). */
    private static final Pattern METRIC = Pattern.compile("\\b(redpacket|kafka|http|jvm|spring)_[a-z0-9_]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** docker-compose's observability profile: what scrapes, shows and keeps the metrics and traces. */
    private static final Set<String> OBSERVABILITY = Set.of("prometheus", "grafana", "tempo", "tempo-init");
    private static final Path OPS = ROOT.resolve("ops/observability");

    private static Map<String, Map<String, Object>> services;
    private static Map<String, Integer> devUpPorts;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        Map<String, Object> compose = new Yaml(new LoaderOptions())
                .load(Files.readString(ROOT.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
        devUpPorts = new LinkedHashMap<>();
        String lib = Files.readString(ROOT.resolve("dev/lib.sh"));
        String table = lib.substring(lib.indexOf("SERVICE_TABLE=\"") + 15, lib.indexOf("\"", lib.indexOf("SERVICE_TABLE=\"") + 15));
        for (String line : table.strip().split("\n")) {
            String[] cols = line.trim().split("\\s+");
            devUpPorts.put(cols[0], Integer.parseInt(cols[1]));
        }
    }

    @Test
    void everyProcessDevUpStartsIsInComposeAndViceVersa() {
        Set<String> javaServices = new HashSet<>(services.keySet());
        javaServices.removeAll(INFRA);
        javaServices.removeAll(OBSERVABILITY);
        assertThat(javaServices).containsExactlyInAnyOrderElementsOf(devUpPorts.keySet());
        assertThat(services).containsKeys("mysql", "redis", "kafka");
        assertThat(image("mysql")).startsWith("mysql:8.4");
        assertThat(image("redis")).startsWith("redis:7");
        assertThat(image("kafka")).startsWith("apache/kafka:");
    }

    @Test
    void eachServiceIsBuiltFromItsModuleWithHealthcheckMemoryCapAndDockerProfile() throws IOException {
        String parentPom = Files.readString(ROOT.resolve("pom.xml"));
        for (String name : devUpPorts.keySet()) {
            Map<String, Object> service = services.get(name);
            assertThat(buildArgs(service)).as(name).containsEntry("MODULE", name);
            assertThat(Files.exists(ROOT.resolve(name).resolve("pom.xml"))).as(name + " module").isTrue();
            assertThat(parentPom).contains("<module>" + name + "</module>");
            assertThat(service).as(name).containsKey("mem_limit");
            assertThat(env(service)).as(name).containsEntry("SPRING_PROFILES_ACTIVE",
                    "${REDPACKET_PROFILES:-docker,json-logs}");
            String health = String.join(" ", healthTest(service));
            assertThat(health).as(name + " healthcheck").contains("/dev/tcp/127.0.0.1/" + actuatorPort(name) + " ")
                    .contains("/actuator/health").contains("UP");
            assertThat(serverPort(name)).as(name + " server.port").isEqualTo(devUpPorts.get(name));
        }
        for (String name : INFRA) {
            assertThat(healthTest(services.get(name))).as(name + " healthcheck").isNotEmpty();
            assertThat(services.get(name)).as(name).containsKey("mem_limit");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void servicesStartOnlyAfterWhatTheyNeedIsHealthy() {
        for (String name : devUpPorts.keySet()) {
            Object dependsOn = services.get(name).get("depends_on");
            if (name.equals("discovery-server") || name.equals("wechatpay-emulator")) {
                continue;
            }
            assertThat(dependsOn).as(name + " depends_on").isInstanceOf(Map.class);
            Map<String, Map<String, String>> deps = (Map<String, Map<String, String>>) dependsOn;
            assertThat(deps).as(name).containsKey("discovery-server");
            deps.forEach((dep, condition) -> assertThat(condition).as(name + " -> " + dep)
                    .containsEntry("condition", "service_healthy"));
            if (!name.equals("gateway")) {
                assertThat(deps).as(name).containsKey("kafka");
            }
        }
        assertThat((Map<String, Object>) services.get("gateway").get("depends_on"))
                .containsKeys("user-service", "packet-service", "grab-service", "payment-service", "settlement-service");
    }

    @Test
    void onlyTheGatewayIsReachableFromOutside() {
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            List<String> ports = ports(e.getValue());
            switch (e.getKey()) {
                case "gateway" -> assertThat(ports).singleElement().asString().endsWith(":8080");
                case "wechatpay-emulator" -> {
                    assertThat(ports).singleElement().asString().endsWith(":8090");
                    assertThat(e.getValue().get("profiles")).as("the emulator is never part of a default deployment")
                            .isEqualTo(List.of("emulator"));
                }
                case "prometheus", "grafana" -> assertThat(ports).as(e.getKey() + ": this machine only")
                        .singleElement().asString().startsWith("127.0.0.1:");
                default -> assertThat(ports).as(e.getKey() + " must not publish a port").isEmpty();
            }
        }
    }

    @Test
    void everyVariableComposeSetsIsOneTheServiceReads() throws IOException {
        for (String name : devUpPorts.keySet()) {
            Set<String> readable = readableKeys(name);
            for (String variable : env(services.get(name)).keySet()) {
                if (STANDARD_ENV.contains(variable)) {
                    continue;
                }
                assertThat(readable).as("%s sets %s, which %s does not read", name, variable, name)
                        .contains(canonical(variable));
            }
        }
    }

    @Test
    void theDatabaseGetsTheSameSchemasAndUsersAsDevUp() {
        assertThat(volumes("mysql")).anySatisfy(v -> assertThat(v)
                .startsWith("./dev/mysql/init.sql:/docker-entrypoint-initdb.d/"));
        assertThat(volumes("payment-service")).anySatisfy(v -> assertThat(v).endsWith(":/etc/redpacket/wechatpay:ro"));
    }

    @Test
    void theObservabilityProfileRunsPrometheusGrafanaAndTempoFromConfigurationInTheRepository() {
        for (String name : OBSERVABILITY) {
            assertThat(services).as("compose service").containsKey(name);
            assertThat(services.get(name).get("profiles")).as(name).isEqualTo(List.of("observability"));
            for (String volume : volumes(name)) {
                if (volume.startsWith("./")) {
                    Path source = ROOT.resolve(volume.substring(2, volume.indexOf(':')));
                    assertThat(source).as(name + " mounts " + volume).exists();
                }
            }
        }
        assertThat(image("prometheus")).startsWith("prom/prometheus:");
        assertThat(image("grafana")).startsWith("grafana/grafana:");
        assertThat(image("tempo")).startsWith("grafana/tempo:");
    }

    /** Every process of the system (the emulator stands in for WeChat Pay: not ours to watch), every replica. */
    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryProcessOnTheManagementPortItsActuatorAnswersOn() throws IOException {
        Map<String, Object> config = yaml(OPS.resolve("prometheus/prometheus.yml"));
        Map<String, Integer> scraped = new LinkedHashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            assertThat(job.get("metrics_path")).as(job.get("job_name").toString()).isEqualTo("/actuator/prometheus");
            assertThat(job.get("honor_labels")).as("the services' application and instance labels").isEqualTo(true);
            for (Map<String, Object> dns : (List<Map<String, Object>>) job.get("dns_sd_configs")) {
                for (String host : (List<String>) dns.get("names")) {
                    scraped.put(host, (Integer) dns.get("port"));
                }
            }
        }
        Set<String> ours = new HashSet<>(devUpPorts.keySet());
        ours.remove("wechatpay-emulator");
        assertThat(scraped.keySet()).containsExactlyInAnyOrderElementsOf(ours);
        for (String name : ours) {
            assertThat(scraped.get(name)).as(name).isEqualTo(actuatorPort(name));
        }
        for (Meters.Process process : Meters.Process.values()) {
            assertThat(process.actuatorPort).as(process.name).isEqualTo(actuatorPort(process.name));
        }
        List<String> rules = (List<String>) config.get("rule_files");
        assertThat(rules).containsExactly("/etc/prometheus/alerts.yml");
        assertThat(volumes("prometheus")).contains("./ops/observability/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDashboardAndTheAlertsNameOnlyMetersTheServicesHave() throws IOException {
        JsonNode dashboard = JSON.readTree(Files.readString(OPS.resolve("grafana/dashboards/redpacket.json")));
        List<String> expressions = new ArrayList<>(dashboard.findValuesAsString("expr"));
        assertThat(expressions).hasSizeGreaterThan(10);
        Set<String> uids = new HashSet<>();
        for (Map<String, Object> source : (List<Map<String, Object>>) yaml(
                OPS.resolve("grafana/provisioning/datasources/datasources.yml")).get("datasources")) {
            uids.add((String) source.get("uid"));
        }
        assertThat(uids).containsAll(dashboard.findValuesAsString("uid").stream()
                .filter(uid -> !uid.equals(dashboard.get("uid").asString())).toList());
        for (Map<String, Object> group : (List<Map<String, Object>>) yaml(OPS.resolve("prometheus/alerts.yml"))
                .get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add((String) rule.get("expr"));
            }
        }
        String code = mainSources();
        Set<String> named = new HashSet<>();
        for (String expression : expressions) {
            Matcher m = METRIC.matcher(expression);
            while (m.find()) {
                named.add(m.group());
            }
        }
        for (String series : named) {
            assertThat(Meters.SERIES.containsKey(series) || Meters.ON_FIRST_OCCURRENCE.contains(series))
                    .as("%s: a series MetricsE2E finds on the running system", series).isTrue();
            if (series.startsWith("redpacket_")) {
                assertThat(code).as("%s is registered in the code", series).contains("\"" + meterName(series) + "\"");
            }
        }
        assertThat(named).as("the dashboard shows grabs, sends, notifications, outbox and consumer lag, invariants")
                .contains("redpacket_grabs_seconds_bucket", "redpacket_packets_sent_total",
                        "redpacket_payment_notifications_total", "redpacket_outbox_oldest_age_seconds",
                        "kafka_consumer_fetch_manager_records_lag_max", "redpacket_settlement_invariants_violations",
                        "redpacket_settlement_reconciliation_fixed_total");
    }

    /** The Micrometer name of a series: Prometheus' unit and type suffixes off, dots for underscores. */
    private static String meterName(String series) {
        return series.replaceAll("_(total|count|bucket|sum)$", "").replaceAll("_seconds$", "").replace('_', '.');
    }

    /** Every module's main Java sources, as one text. */
    private static String mainSources() throws IOException {
        StringBuilder code = new StringBuilder();
        try (var modules = Files.list(ROOT)) {
            for (Path sources : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (var files = Files.walk(sources)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        code.append(Files.readString(file));
                    }
                }
            }
        }
        return code.toString();
    }

    /** Where a service's actuator answers: its management port if it has one (the gateway), else its own port. */
    @SuppressWarnings("unchecked")
    private static int actuatorPort(String module) throws IOException {
        Map<String, Object> first = (Map<String, Object>) new Yaml(new LoaderOptions())
                .loadAll(Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml")))
                .iterator().next();
        Map<String, Object> management = (Map<String, Object>) first.getOrDefault("management", Map.of());
        Map<String, Object> server = (Map<String, Object>) management.getOrDefault("server", Map.of());
        return server.containsKey("port") ? (Integer) server.get("port") : serverPort(module);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Yaml(new LoaderOptions()).load(Files.readString(file));
    }

    /**
     * What a service can be configured by, in relaxed-binding form: every property key in its application.yml and the
     * platform defaults, and every ${VARIABLE} placeholder they use.
     */
    private static Set<String> readableKeys(String module) throws IOException {
        Set<String> keys = new HashSet<>();
        List<Path> sources = new ArrayList<>(List.of(ROOT.resolve(module).resolve("src/main/resources/application.yml")));
        if (Files.readString(ROOT.resolve(module).resolve("pom.xml")).contains("<artifactId>platform</artifactId>")) {
            try (var files = Files.list(ROOT.resolve("platform/src/main/resources"))) {
                files.filter(p -> p.getFileName().toString().startsWith("platform-defaults")).forEach(sources::add);
            }
        }
        for (Path source : sources) {
            String text = Files.readString(source);
            Matcher placeholders = PLACEHOLDER.matcher(text);
            while (placeholders.find()) {
                keys.add(canonical(placeholders.group(1)));
            }
            if (source.toString().endsWith(".yml")) {
                for (Object document : new Yaml(new LoaderOptions()).loadAll(text)) {
                    flatten("", document, keys);
                }
            } else {
                text.lines().filter(l -> l.contains("=") && !l.startsWith("#"))
                        .forEach(l -> keys.add(canonical(l.substring(0, l.indexOf('=')))));
            }
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Set<String> keys) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, keys));
        } else {
            keys.add(canonical(prefix));
        }
    }

    /** Relaxed binding: REDPACKET_DB_PASSWORD, redpacket.db-password and redpacket.dbPassword all meet here. */
    static String canonical(String key) {
        return key.replaceAll("[._\\-\\[\\]]", "").toLowerCase(Locale.ROOT);
    }

    private static int serverPort(String module) throws IOException {
        Object first = new Yaml(new LoaderOptions())
                .loadAll(Files.readString(ROOT.resolve(module).resolve("src/main/resources/application.yml")))
                .iterator().next();
        Object server = ((Map<?, ?>) first).get("server");
        return (Integer) ((Map<?, ?>) server).get("port");
    }

    private static String image(String name) {
        return (String) services.get(name).get("image");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> buildArgs(Map<String, Object> service) {
        Map<String, Object> build = (Map<String, Object>) service.get("build");
        return build == null ? Map.of() : (Map<String, String>) build.getOrDefault("args", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(Map<String, Object> service) {
        return (Map<String, Object>) service.getOrDefault("environment", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> healthTest(Map<String, Object> service) {
        Map<String, Object> health = (Map<String, Object>) service.getOrDefault("healthcheck", Map.of());
        return (List<String>) health.getOrDefault("test", List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(Map<String, Object> service) {
        return ((List<Object>) service.getOrDefault("ports", List.of())).stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(String name) {
        return (List<String>) services.get(name).getOrDefault("volumes", List.of());
    }
}
