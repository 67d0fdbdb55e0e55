package com.redpacket.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The grab-storm benchmark (bench/run starts it): sets up users, a group, funded senders and packets through the API,
 * then runs every scenario, checks each storm's correctness against MySQL, and writes bench/RESULTS.md. Exits 1 if a
 * correctness check failed (the figures are written all the same). Options are {@code name=value} arguments; see
 * {@link Options}.
 */
public final class GrabStorm {
    private GrabStorm() {
    }

    /** Everything bench/run may set; the defaults are the full run. */
    record Options(Map<String, String> values) {
        String get(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        int number(String name, int fallback) {
            return Integer.parseInt(get(name, Integer.toString(fallback)));
        }

        boolean flag(String name) {
            return Boolean.parseBoolean(get(name, "false"));
        }

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                values.put(eq < 0 ? arg : arg.substring(0, eq), eq < 0 ? "true" : arg.substring(eq + 1));
            }
            return new Options(values);
        }
    }

    /** One measured scenario, as a row of the results. */
    record Row(String scenario, String path, String mode, HttpLoad.Result load, String outcomes, Checks.Verdict verdict,
               CpuMeter.Usage cpu) {
    }

    /** What every storm shares: where to send, how long, and how to judge and meter it. */
    private record Storms(int connections, Duration seconds, List<Setup.User> crowd, Oracle oracle, CpuMeter cpu,
                          Duration creditWait) {
        Row run(String scenario, String path, URI target, String mode, double rate, Grabs grabs, int shares,
                long total) throws Exception {
            Setup.say(scenario + " → " + target + ", " + mode);
            CpuMeter.Sample before = cpu.sample();
            HttpLoad.Result load = HttpLoad.run(target.getHost(), target.getPort(), connections, seconds, rate, grabs);
            CpuMeter.Usage usage = cpu.since(before);
            return new Row(scenario, path, mode, load, outcomes(grabs),
                    Checks.verify(grabs, load, crowd, shares, total, oracle, creditWait), usage);
        }
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        boolean quick = o.flag("quick");
        Duration seconds = Duration.ofSeconds(o.number("seconds", quick ? 3 : 10));
        Duration warmup = Duration.ofSeconds(o.number("warmup", quick ? 10 : 240));
        int connections = o.number("connections", 64);
        int crowdSize = o.number("crowd", 2000);
        int rate = o.number("rate", 5000);
        int shares = 100;
        long hotTotal = 100L * shares;
        int manyPackets = o.number("packets", quick ? 100 : 1000);
        int warmPackets = o.number("warmup-packets", quick ? 50 : 1000);
        int manyShares = 10;
        long manyTotal = 20L * manyShares;
        int senderCount = Math.min(connections, crowdSize);
        Path out = Path.of(o.get("out", "bench/out"));
        Files.createDirectories(out);
        URI gatewayUri = URI.create(o.get("gateway", "http://localhost:8080"));
        URI grabUri = URI.create(o.get("grab", "http://localhost:8083"));
        String floor = o.get("floor", "");
        URI floorUri = floor.isEmpty() ? null : URI.create(floor);
        Report report = new Report(o, quick, seconds, connections, rate);

        Setup.say("client ceiling: " + connections + " connections against a null server");
        try (NullServer nothing = new NullServer()) {
            Grabs idle = new Grabs("localhost", List.of(0L), List.of("X-User-Id: 1"));
            report.ceiling = HttpLoad.run("127.0.0.1", nothing.port(), connections, Duration.ofSeconds(quick ? 2 : 5), 0, idle);
        }

        Instant setupStarted = Instant.now();
        Setup setup = new Setup(new Api(gatewayUri.toString()), new Api(o.get("users", "http://localhost:8081")),
                new Api(o.get("emulator", "http://localhost:8090")), out);
        List<Setup.User> crowd = setup.crowd(crowdSize);
        long group = setup.group(crowd);
        List<Setup.User> senders = crowd.subList(0, senderCount);
        setup.fund(senders, 200_000);
        Setup.User hotSender = crowd.getFirst();
        List<String> names = new ArrayList<>(List.of("warm-up", "gateway", "gateway-rate", "direct"));
        if (floorUri != null) {
            names.add("floor");
        }
        Map<String, Long> hot = new LinkedHashMap<>();
        for (String name : names) {
            hot.put(name, setup.send(hotSender, group, shares, hotTotal));
        }
        Setup.say("many packets: sending " + manyPackets + " × " + manyShares + " shares");
        List<Long> many = setup.sendMany(senders, group, manyPackets, manyShares, manyTotal);
        List<Long> warmMany = warmPackets > 0
                ? setup.sendMany(senders, group, warmPackets, manyShares, manyTotal) : List.of();
        report.setupSeconds = Duration.between(setupStarted, Instant.now()).toSeconds();
        report.crowd = crowdSize;
        report.manyPackets = manyPackets;

        String[] redis = o.get("redis", "127.0.0.1:6379").split(":");
        RedisBaseline baseline = new RedisBaseline(redis[0], Integer.parseInt(redis[1]), Path.of(o.get("script",
                "grab-service/src/main/resources/scripts/grab.lua")));
        long baselineRequests = quick ? 300_000 : 1_000_000;
        Setup.say("Redis baseline (before)");
        report.baselines.add(baseline.run(connections, baselineRequests, crowdSize, 1));

        String gatewayHost = gatewayUri.getHost() + ":" + gatewayUri.getPort();
        String grabHost = grabUri.getHost() + ":" + grabUri.getPort();
        List<String> tokens = Grabs.bearer(crowd);
        List<String> callers = Grabs.callerHeader(crowd);
        // directly first: the gateway storms then begin right after the gateway's own warm-up, with its verified-token
        // memory (60 s) holding the crowd's tokens as it does for users who keep using the app
        String direct = warmUp(grabUri, connections, warmup, new Grabs(grabHost, List.of(hot.get("warm-up")), callers));
        report.warmup = warmUp(gatewayUri, connections, warmup,
                new Grabs(gatewayHost, List.of(hot.get("warm-up")), tokens)) + " through the gateway, " + direct
                + " directly";

        Oracle oracle = new Oracle(o.get("db-host", "127.0.0.1"), o.number("db-port", 3306), o.get("db-user", "root"),
                o.get("db-password", ""));
        CpuMeter cpu = new CpuMeter(processes(o, baseline));
        Storms storms = new Storms(connections, seconds, crowd, oracle, cpu, Duration.ofSeconds(60));
        Profiler profiler = o.flag("profile") ? new Profiler(Path.of(System.getProperty("java.home"), "bin", "jcmd"),
                servicePids(o, List.of("gateway", "grab-service")), out) : null;

        if (profiler != null) {
            profiler.start();
        }
        report.rows.add(storms.run("hot packet", "gateway", gatewayUri, "closed loop", 0,
                new Grabs(gatewayHost, List.of(hot.get("gateway")), tokens), shares, hotTotal));
        if (profiler != null) {
            report.profiles = profiler.stop();
        }
        report.rows.add(storms.run("hot packet", "gateway", gatewayUri, "open loop " + rate + "/s", rate,
                new Grabs(gatewayHost, List.of(hot.get("gateway-rate")), tokens), shares, hotTotal));
        report.rows.add(storms.run("hot packet", "grab-service", grabUri, "closed loop", 0,
                new Grabs(grabHost, List.of(hot.get("direct")), callers), shares, hotTotal));
        if (floorUri != null) {
            // the framework's floor: the same storm through a Spring Cloud Gateway with one route and nothing else,
            // warmed up by the same rule; it sends grab-service's caller header itself, as the direct storm does
            String floorHost = floorUri.getHost() + ":" + floorUri.getPort();
            report.floorWarmup = warmUp(floorUri, connections, warmup,
                    new Grabs(floorHost, List.of(hot.get("warm-up")), callers));
            report.rows.add(storms.run("hot packet", Report.FLOOR, floorUri, "closed loop", 0,
                    new Grabs(floorHost, List.of(hot.get("floor")), callers), shares, hotTotal));
        }
        if (!warmMany.isEmpty()) {
            report.claimWarmup = warmUpClaims(gatewayUri, connections,
                    Duration.ofSeconds(Math.min(120, warmup.toSeconds() / 2)),
                    new Grabs(gatewayHost, warmMany, tokens), warmPackets * manyShares, oracle);
        }
        report.rows.add(storms.run(manyPackets + " packets × " + manyShares, "gateway", gatewayUri, "closed loop", 0,
                new Grabs(gatewayHost, many, tokens), manyShares, manyTotal));

        Setup.say("sends through the gateway, closed loop");
        setup.fund(senders, 200_000);
        Sends s = new Sends(gatewayHost, senders, group, shares, 1_000);
        CpuMeter.Sample before = cpu.sample();
        report.sends = HttpLoad.run(gatewayUri.getHost(), gatewayUri.getPort(), connections, seconds, 0, s);
        report.sendCpu = cpu.since(before);
        report.sent = s.sent();
        report.sendStatuses = s.statuses.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
        report.sendOdd = new ArrayList<>(s.oddAnswers);

        Setup.say("Redis baseline (after)");
        report.baselines.add(baseline.run(connections, baselineRequests, crowdSize, 2));

        Path results = Path.of(o.get("results", "bench/RESULTS.md"));
        Files.writeString(results, report.markdown(Path.of(o.get("findings", "bench/grabstorm/FINDINGS.md"))));
        Setup.say("wrote " + results);
        System.out.println(report.summary());
        boolean ok = report.rows.stream().allMatch(row -> row.verdict().ok());
        if (!ok) {
            report.rows.stream().filter(row -> !row.verdict().ok()).forEach(row -> System.out.println(
                    "[bench] INCORRECT " + row.scenario() + " " + row.path() + ": " + row.verdict().failures()));
        }
        System.exit(ok ? 0 : 1);
    }

    /**
     * Storms the warm-up packet in rounds of 5 s until the JIT has done its work: at least a minute (half of
     * {@code limit} if that is less), then until the last four rounds together are no more than 5 % faster than the
     * four before them, or {@code limit} is spent. A freshly started gateway climbs for minutes on 2 busy cores, with
     * plateaus on the way that one round compared with the next mistakes for the end.
     */
    private static String warmUp(URI target, int connections, Duration limit, Grabs grabs) throws Exception {
        Duration round = Duration.ofSeconds(Math.min(5, limit.toSeconds()));
        int window = 4;
        long minimum = Math.min(60, limit.toSeconds() / 2);
        List<Double> rates = new ArrayList<>();
        long spent = 0;
        while (spent < limit.toSeconds()) {
            double rate = HttpLoad.run(target.getHost(), target.getPort(), connections, round, 0, grabs).perSecond();
            rates.add(rate);
            spent += round.toSeconds();
            Setup.say("warm-up " + target + ": " + fmt(rate) + " attempts/s");
            int n = rates.size();
            if (spent >= minimum && n >= 2 * window) {
                double last = rates.subList(n - window, n).stream().mapToDouble(Double::doubleValue).sum();
                double before = rates.subList(n - 2 * window, n - window).stream().mapToDouble(Double::doubleValue).sum();
                if (last <= 1.05 * before) {
                    break;
                }
            }
        }
        return spent + " s";
    }

    /**
     * Before the many-packets storm, a storm of the same shape on packets of its own. Until then the win path (grab-service's
     * claim call, packet-service's claim and outbox, the relay, settlement's crediting, packet-service's
     * {@code ClaimCredited}) has seen only the hot packets' few hundred claims, so the JIT would compile it, and the
     * crediting pipeline would find its batch sizes, inside the measured 10 s. Grabs in 5 s rounds until every share
     * is claimed or {@code limit} is spent, then waits (up to 60 s) until every claim made is credited, so that no
     * backlog carries over into the measured storm.
     */
    private static String warmUpClaims(URI target, int connections, Duration limit, Grabs grabs, int shares,
                                       Oracle oracle) throws Exception {
        Duration round = Duration.ofSeconds(Math.min(5, limit.toSeconds()));
        long spent = 0;
        int claims = 0;
        while (spent < limit.toSeconds() && claims < shares) {
            HttpLoad.run(target.getHost(), target.getPort(), connections, round, 0, grabs);
            spent += round.toSeconds();
            claims = oracle.claims(grabs.packets()).size();
            Setup.say("warm-up of the win path: " + claims + " of " + shares + " shares claimed");
        }
        long waitStarted = System.nanoTime();
        int credited = oracle.credits(grabs.packets(), claims, Duration.ofSeconds(60)).size();
        return claims + " claims on " + grabs.packets().size() + " other packets in " + spent + " s, "
                + (credited < claims ? "only " + credited + " credited after 60 s more"
                : "all credited " + fmt((System.nanoTime() - waitStarted) / 1e9) + " s later");
    }

    /** The pids dev/up recorded for these services (none when the system was started some other way). */
    static Map<String, Long> servicePids(Options o, List<String> services) throws Exception {
        Path pidDir = Path.of(o.get("pids", ".run/pids"));
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String service : services) {
            Path file = pidDir.resolve(service + ".pid");
            if (Files.exists(file)) {
                pids.put(service, Long.parseLong(Files.readString(file).trim()));
            }
        }
        return pids;
    }

    /** Every process whose CPU time a storm is charged with, by the name the report gives it. */
    static Map<String, Long> processes(Options o, RedisBaseline redis) throws Exception {
        Map<String, Long> pids = servicePids(o, List.of("gateway", "grab-service", "packet-service",
                "settlement-service"));
        if (!o.get("floor-pid", "").isEmpty()) {
            pids.put(Report.FLOOR, Long.parseLong(o.get("floor-pid", "")));
        }
        pids.put("redis", redis.pid());
        pids.put("load generator", ProcessHandle.current().pid());
        return pids;
    }

    static String outcomes(Grabs g) {
        return g.outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue().sum()).collect(Collectors.joining(", "));
    }

    static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : value >= 10 ? "%.1f" : "%.2f", value);
    }
}
