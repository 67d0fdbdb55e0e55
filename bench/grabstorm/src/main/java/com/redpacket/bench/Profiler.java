package com.redpacket.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JFR on running services during one storm ({@code jcmd <pid> JFR.start/stop}, the "profile" settings: a CPU sample
 * of every running Java thread every 10 ms), and a plain-text digest of each recording: the methods most often on top
 * of the stack (self time), the methods most often anywhere on it (inclusive), GC pauses and CPU load.
 */
final class Profiler {
    /**
     * What a CPU sample is charged to: the first of these found walking from the top of its stack down, so a
     * BigInteger under RSA counts as the token check and a HashMap under Logback as logging.
     */
    private static final List<Map.Entry<String, List<String>>> COMPONENTS = List.of(
            Map.entry("JWT signature (RSA)", List.of("sun.security.rsa.", "com.nimbusds.jose.crypto.")),
            Map.entry("JWT parsing and claims", List.of("com.nimbusds.", "org.springframework.security.oauth2.")),
            Map.entry("logging", List.of("ch.qos.logback.", "org.slf4j.", "io.micrometer.core.instrument.binder.logging.")),
            Map.entry("metrics and observations", List.of("io.micrometer.")),
            Map.entry("Redis (Lettuce, Spring Data Redis)", List.of("io.lettuce.", "org.springframework.data.redis.")),
            Map.entry("rate limiter", List.of("org.springframework.cloud.gateway.filter.ratelimit.",
                    "org.springframework.cloud.gateway.filter.factory.RequestRateLimiter")),
            Map.entry("Spring Security", List.of("org.springframework.security.")),
            Map.entry("load balancer", List.of("org.springframework.cloud.loadbalancer.",
                    "org.springframework.cloud.client.loadbalancer.")),
            Map.entry("Feign", List.of("feign.", "org.springframework.cloud.openfeign.")),
            Map.entry("JSON (Jackson)", List.of("tools.jackson.", "com.fasterxml.jackson.")),
            Map.entry("Spring Cloud Gateway", List.of("org.springframework.cloud.gateway.")),
            Map.entry("Tomcat", List.of("org.apache.tomcat.", "org.apache.coyote.", "org.apache.catalina.")),
            Map.entry("Reactor Netty HTTP", List.of("reactor.netty.")),
            Map.entry("Netty", List.of("io.netty.")),
            Map.entry("Spring MVC / WebFlux", List.of("org.springframework.web.", "org.springframework.http.")),
            Map.entry("this project's code", List.of("com.redpacket.")),
            Map.entry("JDK sockets", List.of("sun.nio.", "java.net.", "sun.net.")));

    private final Path jcmd;
    private final Map<String, Long> pids;
    private final Path out;

    Profiler(Path jcmd, Map<String, Long> pids, Path out) {
        this.jcmd = jcmd;
        this.pids = pids;
        this.out = out;
    }

    void start() throws IOException, InterruptedException {
        for (var e : pids.entrySet()) {
            jcmd(e.getValue(), "JFR.start", "name=bench", "settings=profile",
                    "filename=" + recording(e.getKey()).toAbsolutePath());
        }
    }

    /** Stops the recordings; the digest of each, by service. */
    Map<String, String> stop() throws IOException, InterruptedException {
        Map<String, String> digests = new LinkedHashMap<>();
        for (var e : pids.entrySet()) {
            jcmd(e.getValue(), "JFR.stop", "name=bench");
            String digest = digest(recording(e.getKey()));
            Files.writeString(out.resolve("profile-" + e.getKey() + ".txt"), digest);
            digests.put(e.getKey(), digest);
        }
        return digests;
    }

    private Path recording(String service) {
        return out.resolve("profile-" + service + ".jfr");
    }

    static String digest(Path recording) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> components = new HashMap<>();
        int samples = 0;
        double gcMillis = 0;
        int gcs = 0;
        double cpuUser = 0;
        double cpuSystem = 0;
        double machine = 0;
        int cpuEvents = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            switch (e.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    if (e.getStackTrace() == null || e.getStackTrace().getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = e.getStackTrace().getFrames();
                    self.merge(name(frames.getFirst().getMethod()), 1, Integer::sum);
                    components.merge(component(frames), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame f : frames) {
                        String name = name(f.getMethod());
                        if (seen.add(name)) {
                            inclusive.merge(name, 1, Integer::sum);
                        }
                    }
                }
                case "jdk.GarbageCollection" -> {
                    gcs++;
                    gcMillis += e.getDuration().toNanos() / 1e6;
                }
                case "jdk.CPULoad" -> {
                    cpuEvents++;
                    cpuUser += e.getFloat("jvmUser");
                    cpuSystem += e.getFloat("jvmSystem");
                    machine += e.getFloat("machineTotal");
                }
                default -> {
                }
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(String.format("%s: %d CPU samples; GC: %d collections, %.0f ms paused; CPU (share of the machine): "
                        + "this JVM %.0f %% user + %.0f %% system, machine %.0f %%%n", recording.getFileName(), samples,
                gcs, gcMillis, pct(cpuUser, cpuEvents), pct(cpuSystem, cpuEvents), pct(machine, cpuEvents)));
        s.append("by component (first match from the top of the stack):\n");
        top(components, samples, COMPONENTS.size() + 1, s);
        s.append("self (top of stack):\n");
        top(self, samples, 25, s);
        s.append("inclusive (anywhere on the stack):\n");
        top(inclusive, samples, 60, s);
        return s.toString();
    }

    private static String component(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            for (var c : COMPONENTS) {
                if (c.getValue().stream().anyMatch(type::startsWith)) {
                    return c.getKey();
                }
            }
        }
        return "other (Reactor, JDK, threads)";
    }

    private static double pct(double sum, int n) {
        return n == 0 ? 0 : 100 * sum / n;
    }

    private static void top(Map<String, Integer> counts, int samples, int n, StringBuilder s) {
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        for (var e : sorted.subList(0, Math.min(n, sorted.size()))) {
            s.append(String.format("  %5.1f %%  %s%n", 100.0 * e.getValue() / samples, e.getKey()));
        }
    }

    private static String name(RecordedMethod m) {
        return m.getType().getName() + "." + m.getName();
    }

    private void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed: " + output);
        }
    }
}
