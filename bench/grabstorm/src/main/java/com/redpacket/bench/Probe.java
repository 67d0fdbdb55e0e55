package com.redpacket.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Back-to-back rounds against a sold-out packet, for comparing one setting with another on one running system
 * (bench/probe starts it): the benchmark's load generator, its crowd and its CPU meter, but no scenarios and no
 * results file. Each round prints attempts/s, p50/p99 and every process's CPU time per attempt; the last line per
 * target is the median of the second half of its rounds (the first half is warm-up for a freshly restarted
 * service). Restart the service under test with another setting ({@code dev/restart}) and run it again.
 */
public final class Probe {
    private Probe() {
    }

    private record Target(String name, URI uri, List<String> callers) {
    }

    public static void main(String[] args) throws Exception {
        GrabStorm.Options o = GrabStorm.Options.parse(args);
        int rounds = o.number("rounds", 12);
        Duration seconds = Duration.ofSeconds(o.number("seconds", 10));
        int connections = o.number("connections", 64);
        URI gateway = URI.create(o.get("gateway", "http://localhost:8080"));
        Setup setup = new Setup(new Api(gateway.toString()), new Api(o.get("users", "http://localhost:8081")),
                new Api(o.get("emulator", "http://localhost:8090")), Path.of(o.get("out", "bench/out")));
        List<Setup.User> crowd = setup.crowd(o.number("crowd", 2000));
        long group = setup.group(crowd);
        setup.fund(List.of(crowd.getFirst()), 20_000);
        long packet = setup.send(crowd.getFirst(), group, 100, 10_000);

        Map<String, URI> urls = Map.of("gateway", gateway, "direct", URI.create(o.get("grab", "http://localhost:8083")),
                "floor", URI.create(o.get("floor", "http://localhost:8099")));
        List<Target> targets = new ArrayList<>();
        for (String name : o.get("targets", "gateway").split(",")) {
            URI uri = urls.get(name);
            if (uri == null) {
                throw new IllegalArgumentException("targets: gateway, direct or floor, not " + name);
            }
            targets.add(new Target(name, uri,
                    name.equals("gateway") ? Grabs.bearer(crowd) : Grabs.callerHeader(crowd)));
        }

        String[] redis = o.get("redis", "127.0.0.1:6379").split(":");
        Map<String, Long> pids = GrabStorm.processes(o,
                new RedisBaseline(redis[0], Integer.parseInt(redis[1]), Path.of("unused")));
        CpuMeter cpu = new CpuMeter(pids);

        Map<String, List<double[]>> byTarget = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Target t : targets) {
                String host = t.uri().getHost() + ":" + t.uri().getPort();
                Grabs grabs = new Grabs(host, List.of(packet), t.callers());
                CpuMeter.Sample before = cpu.sample();
                HttpLoad.Result load = HttpLoad.run(t.uri().getHost(), t.uri().getPort(), connections, seconds, 0,
                        grabs);
                CpuMeter.Usage usage = cpu.since(before);
                double[] figures = figures(load, usage, pids.keySet());
                byTarget.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(figures);
                System.out.println(line(t.name() + " round " + round, figures, pids.keySet()) + "  "
                        + GrabStorm.outcomes(grabs) + (load.ioErrors() > 0 ? ", I/O errors " + load.ioErrors() : ""));
            }
        }
        byTarget.forEach((name, all) -> {
            List<double[]> settled = all.subList(all.size() / 2, all.size());
            double[] median = new double[settled.getFirst().length];
            for (int i = 0; i < median.length; i++) {
                int column = i;
                double[] values = settled.stream().mapToDouble(f -> f[column]).sorted().toArray();
                median[i] = values[values.length / 2];
            }
            System.out.println(line(name + " median of rounds " + (all.size() / 2 + 1) + "–" + all.size(), median,
                    pids.keySet()));
        });
    }

    /** attempts/s, p50 ms, p99 ms, then µs of CPU per attempt for each process, in the order of {@code names}. */
    private static double[] figures(HttpLoad.Result load, CpuMeter.Usage usage, Iterable<String> names) {
        List<Double> f = new ArrayList<>(List.of(load.perSecond(), load.percentileMillis(50),
                load.percentileMillis(99)));
        for (String name : names) {
            f.add(Report.cpuPerAttempt(usage, name, load.answered()));
        }
        return f.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String line(String label, double[] f, Iterable<String> names) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "[probe] %-32s %7.0f/s p50 %6.1f ms p99 %6.1f ms |", label, f[0], f[1], f[2]));
        int i = 3;
        for (String name : names) {
            s.append(String.format(Locale.ROOT, " %s %.0f µs", name, f[i++]));
        }
        return s.toString();
    }
}
