package com.redpacket.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.redpacket.bench.GrabStorm.fmt;

/** The run's figures as bench/RESULTS.md; every throughput also as a ratio to the Redis baseline of the same run. */
final class Report {
    private final GrabStorm.Options options;
    private final boolean quick;
    private final Duration seconds;
    private final int connections;
    private final int rate;
    private final Instant started = Instant.now();
    HttpLoad.Result ceiling;
    long setupSeconds;
    String warmup = "";
    String claimWarmup = "";
    String floorWarmup = "";
    /** The row and CPU column of the reference gateway (bench/floor): Spring Cloud Gateway, one route, nothing else. */
    static final String FLOOR = "reference gateway";
    int crowd;
    int manyPackets;
    final List<RedisBaseline.Result> baselines = new ArrayList<>();
    final List<GrabStorm.Row> rows = new ArrayList<>();
    Map<String, String> profiles = Map.of();
    HttpLoad.Result sends;
    CpuMeter.Usage sendCpu;
    long sent;
    Map<Integer, Long> sendStatuses = Map.of();
    List<String> sendOdd = List.of();

    Report(GrabStorm.Options options, boolean quick, Duration seconds, int connections, int rate) {
        this.options = options;
        this.quick = quick;
        this.seconds = seconds;
        this.connections = connections;
        this.rate = rate;
    }

    double baseline() {
        return baselines.stream().mapToDouble(RedisBaseline.Result::perSecond).average().orElse(Double.NaN);
    }

    String markdown(Path findings) throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Grab-storm benchmark\n\n");
        md.append("Produced by `bench/run").append(quick ? " --quick" : "").append("` (bench/grabstorm) on ")
                .append(started.truncatedTo(ChronoUnit.SECONDS)).append(", commit `").append(env("BENCH_COMMIT"))
                .append("`.\n\n");
        md.append("| | |\n|---|---|\n");
        md.append("| machine | ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs (nproc), ")
                .append(env("BENCH_CPU")).append(", ").append(env("BENCH_MEMORY")).append(" |\n");
        md.append("| load average | before ").append(env("BENCH_LOAD_BEFORE")).append(", after ")
                .append(loadAverage()).append(" |\n");
        md.append("| JDK | ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.version")).append(" (services and load generator) |\n");
        md.append("| system | ").append(env("BENCH_SYSTEM")).append(" |\n");
        md.append("| Redis | ").append(env("BENCH_REDIS")).append(" |\n");
        md.append("| load | ").append(connections).append(" keep-alive HTTP/1.1 connections, ").append(seconds.toSeconds())
                .append(" s per scenario after a warm-up (").append(warmup).append(", until the rate settles")
                .append(floorWarmup.isEmpty() ? "" : ", " + floorWarmup + " through the reference gateway")
                .append(claimWarmup.isEmpty() ? "" : "; the many-packets storm after one of its own shape: " + claimWarmup)
                .append("); ").append(crowd).append(" distinct users (one group), each ")
                .append("with their own token; setup (not measured) took ").append(setupSeconds).append(" s |\n");
        md.append("| whole run | ").append(Duration.between(started, Instant.now()).toSeconds())
                .append(" s (without starting the system) |\n\n");

        double base = baseline();
        GrabStorm.Row gateway = rows.get(0);
        GrabStorm.Row gatewayRate = rows.get(1);
        GrabStorm.Row direct = rows.get(2);
        md.append("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
        target(md, "via gateway ≥ 5,000 attempts/s", fmt(gateway.load().perSecond()) + " attempts/s (closed loop)",
                gateway.load().perSecond() >= 5000);
        target(md, "via gateway p99 ≤ 50 ms (at " + rate + " attempts/s, open loop)",
                "p99 " + fmt(gatewayRate.load().percentileMillis(99)) + " ms at " + fmt(gatewayRate.load().perSecond())
                        + " answered/s", gatewayRate.load().percentileMillis(99) <= 50
                        && gatewayRate.load().perSecond() >= 0.98 * rate);
        target(md, "direct ≥ 0.5 × Redis baseline", ratio(direct.load().perSecond() / base) + " × ("
                + fmt(direct.load().perSecond()) + " / " + fmt(base) + ")", direct.load().perSecond() >= 0.5 * base);
        double creditP99 = rows.stream().filter(r -> r.path().equals("gateway"))
                .mapToDouble(r -> r.verdict().creditMicros().getValueAtPercentile(99) / 1000.0).max().orElse(0);
        target(md, "grab → credited p99 ≤ 1 s", "worst p99 " + fmt(creditP99) + " ms (table below)", creditP99 <= 1000);
        boolean correct = rows.stream().allMatch(r -> r.verdict().ok());
        target(md, "correctness: exactly the shares' winners, sum = total, no user twice, answers = MySQL",
                correct ? "every storm" : "FAILED (see below)", correct);

        rows.stream().filter(r -> r.path().equals(FLOOR)).findFirst().ifPresent(floor -> floor(md, gateway, floor));

        md.append("\n## Grab storms\n\nLatency in ms; closed loop counts from the send, open loop from the intended ")
                .append("send time (coordinated omission corrected). Ratio = attempts/s ÷ the Redis baseline (")
                .append(fmt(base)).append("/s).\n\n");
        md.append("| scenario | to | load | attempts/s | ÷ Redis | p50 | p99 | p99.9 | max | GRABBED p50 / p99 | answers | correct |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (GrabStorm.Row r : rows) {
            HttpLoad.Result l = r.load();
            md.append("| ").append(r.scenario()).append(" | ").append(r.path()).append(" | ").append(r.mode())
                    .append(" | ").append(fmt(l.perSecond())).append(" | ").append(ratio(l.perSecond() / base))
                    .append("× | ").append(fmt(l.percentileMillis(50))).append(" | ").append(fmt(l.percentileMillis(99)))
                    .append(" | ").append(fmt(l.percentileMillis(99.9))).append(" | ")
                    .append(fmt(l.latencyMicros().getMaxValue() / 1000.0)).append(" | ")
                    .append(fmt(r.verdict().winMicros().getValueAtPercentile(50) / 1000.0)).append(" / ")
                    .append(fmt(r.verdict().winMicros().getValueAtPercentile(99) / 1000.0)).append(" | ")
                    .append(r.outcomes()).append(l.notSent() > 0 ? ", not sent in time " + l.notSent() : "")
                    .append(" | ").append(r.verdict().ok() ? "yes" : "**NO**").append(" |\n");
        }
        md.append("\n## Grab → credited\n\nFor every winner of the storm: from its GRABBED answer at the client, and from ")
                .append("the claim's commit at packet-service (`red_packet_log.grabbed_at`), to settlement's `credited_at` ")
                .append("(`packet_claim`); read-only queries. A credit that lands before the answer reached the client ")
                .append("counts as 0 and is counted in the last column.\n\n");
        md.append("| scenario | to | load | claims | answer → credited p50 / p99 / max ms | commit → credited p50 / p99 / max ms ")
                .append("| credited before the answer |\n|---|---|---|---|---|---|---|\n");
        for (GrabStorm.Row r : rows) {
            md.append("| ").append(r.scenario()).append(" | ").append(r.path()).append(" | ").append(r.mode())
                    .append(" | ").append(r.verdict().creditMicros().getTotalCount()).append(" | ")
                    .append(percentiles(r.verdict().creditMicros())).append(" | ")
                    .append(percentiles(r.verdict().claimCreditMicros())).append(" | ")
                    .append(r.verdict().creditedBeforeAnswer()).append(" |\n");
        }
        md.append("\n## CPU per attempt\n\nCPU time (user + system, /proc) each process spent during the scenario, ")
                .append("divided by the attempts answered: the figure a busy neighbour disturbs least. Machine = all ")
                .append("CPUs busy, this benchmark's processes or not.\n\n");
        List<String> processes = rows.getFirst().cpu().millis().keySet().stream().toList();
        md.append("| scenario | to | load | ").append(String.join(" µs | ", processes)).append(" µs | machine busy |\n|---|---|---|")
                .append("---|".repeat(processes.size() + 1)).append('\n');
        for (GrabStorm.Row r : rows) {
            md.append("| ").append(r.scenario()).append(" | ").append(r.path()).append(" | ").append(r.mode());
            cpuCells(md, processes, r.cpu(), r.load().answered());
        }
        md.append("| sends | gateway | closed loop");
        cpuCells(md, processes, sendCpu, sends.answered());
        md.append("\n## Sends\n\nPOST /api/packets through the gateway: GROUP_LUCKY, 100 shares, 1,000 fen, BALANCE, ")
                .append("an Idempotency-Key each; one sender per connection.\n\n");
        md.append("| packets/s | ÷ Redis | p50 ms | p99 ms | p99.9 ms | answers |\n|---|---|---|---|---|---|\n");
        md.append("| ").append(fmt(sent / sends.seconds())).append(" | ").append(ratio(sent / sends.seconds() / base))
                .append("× | ").append(fmt(sends.percentileMillis(50))).append(" | ")
                .append(fmt(sends.percentileMillis(99))).append(" | ").append(fmt(sends.percentileMillis(99.9)))
                .append(" | ").append(sendStatuses).append(sendOdd.isEmpty() ? "" : " e.g. " + sendOdd.getFirst())
                .append(" |\n");
        md.append("\n## Baselines\n\n| what | per second | p50 ms | p99 ms |\n|---|---|---|---|\n");
        for (int i = 0; i < baselines.size(); i++) {
            RedisBaseline.Result b = baselines.get(i);
            md.append("| Redis: redis-benchmark EVALSHA grab.lua, ").append(connections).append(" clients, ")
                    .append(i == 0 ? "before" : "after").append(" the storms (").append(b.winners())
                    .append(" winners) | ").append(fmt(b.perSecond())).append(" | ").append(fmt(b.p50Millis()))
                    .append(" | ").append(fmt(b.p99Millis())).append(" |\n");
        }
        md.append("| load generator's own ceiling: ").append(connections).append(" connections to a null HTTP server | ")
                .append(fmt(ceiling.perSecond())).append(" | ").append(fmt(ceiling.percentileMillis(50))).append(" | ")
                .append(fmt(ceiling.percentileMillis(99))).append(" |\n");
        List<String> failures = rows.stream().flatMap(r -> r.verdict().failures().stream()
                .map(f -> r.scenario() + " (" + r.path() + ", " + r.mode() + "): " + f)).toList();
        if (!failures.isEmpty()) {
            md.append("\n## Correctness failures\n\n");
            failures.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        if (!profiles.isEmpty()) {
            md.append("\n## Profile of this run\n\nJFR (`settings=profile`) on the services during the gateway ")
                    .append("closed-loop storm; full digests and recordings in bench/out/.\n\n");
            profiles.forEach((service, digest) -> md.append("```\n")
                    .append(digest.lines().limit(28).reduce((a, b) -> a + "\n" + b).orElse("")).append("\n```\n"));
        }
        if (Files.exists(findings)) {
            md.append('\n').append(Files.readString(findings));
        }
        return md.toString();
    }

    String summary() {
        StringBuilder s = new StringBuilder();
        s.append(String.format("[bench] Redis baseline %s/s; client ceiling %s/s%n", fmt(baseline()),
                fmt(ceiling.perSecond())));
        for (GrabStorm.Row r : rows) {
            s.append(String.format("[bench] %-20s %-12s %-20s %8s/s (%s× Redis) p50 %s p99 %s ms, credited p99 %s ms, %s%n",
                    r.scenario(), r.path(), r.mode(), fmt(r.load().perSecond()), ratio(r.load().perSecond() / baseline()),
                    fmt(r.load().percentileMillis(50)), fmt(r.load().percentileMillis(99)),
                    fmt(r.verdict().creditMicros().getValueAtPercentile(99) / 1000.0),
                    r.verdict().ok() ? "correct" : "INCORRECT"));
        }
        s.append(String.format("[bench] sends %s packets/s p99 %s ms%n", fmt(sent / sends.seconds()),
                fmt(sends.percentileMillis(99))));
        return s.toString();
    }

    private static void cpuCells(StringBuilder md, List<String> processes, CpuMeter.Usage usage, long attempts) {
        for (String p : processes) {
            double micros = cpuPerAttempt(usage, p, attempts);
            md.append(" | ").append(Double.isNaN(micros) ? "?" : fmt(micros));
        }
        md.append(" | ").append(fmt(usage.machineBusyPercent())).append(" % |\n");
    }

    /** Ratios to the Redis baseline are small: three significant digits. */
    private static String ratio(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String percentiles(org.HdrHistogram.Histogram h) {
        return fmt(h.getValueAtPercentile(50) / 1000.0) + " / " + fmt(h.getValueAtPercentile(99) / 1000.0) + " / "
                + fmt(h.getMaxValue() / 1000.0);
    }

    /**
     * The gateway next to the framework it is built on: the same storm through bench/floor, a Spring Cloud Gateway with
     * one route and nothing else, in the same run.
     */
    private static void floor(StringBuilder md, GrabStorm.Row gateway, GrabStorm.Row floor) {
        double gatewayCpu = cpuPerAttempt(gateway.cpu(), "gateway", gateway.load().answered());
        double floorCpu = cpuPerAttempt(floor.cpu(), FLOOR, floor.load().answered());
        md.append("\nThe framework's floor, same run: the same storm through the reference gateway (bench/floor: Spring ")
                .append("Cloud Gateway, same versions and JVM options, one route to grab-service; no authentication, ")
                .append("rate limit, metrics, tracing or request log) answered ").append(fmt(floor.load().perSecond()))
                .append(" attempts/s, p99 ").append(fmt(floor.load().percentileMillis(99))).append(" ms, at ")
                .append(Double.isNaN(floorCpu) ? "?" : fmt(floorCpu)).append(" µs of its CPU per attempt. The gateway ")
                .append("reached ").append(ratio(gateway.load().perSecond() / floor.load().perSecond()))
                .append("× of its rate at ").append(Double.isNaN(gatewayCpu) || Double.isNaN(floorCpu) ? "?"
                        : ratio(gatewayCpu / floorCpu)).append("× its CPU per attempt.\n");
    }

    /** µs of the process's CPU per attempt; NaN when it was not measured or nothing was answered. */
    static double cpuPerAttempt(CpuMeter.Usage usage, String process, long attempts) {
        Double millis = usage.millis().get(process);
        return millis == null || attempts == 0 ? Double.NaN : millis * 1000 / attempts;
    }

    private static void target(StringBuilder md, String what, String measured, boolean met) {
        md.append("| ").append(what).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? "?" : value;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
