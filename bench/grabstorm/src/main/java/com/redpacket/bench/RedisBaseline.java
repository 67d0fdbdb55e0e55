package com.redpacket.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The physical baseline: redis-benchmark running grab-service's own grab script (EVALSHA, the same keys' shape: an
 * armed packet's meta hash, a list of 100 slots, the grabbers hash) from 64 clients against the same Redis, with
 * random user ids, so after the first 100 winners nearly every call takes the SOLD_OUT path the storms take. Its keys
 * carry their own hash tag ({@code {rpbench:N}}) and are deleted afterwards.
 */
final class RedisBaseline {
    record Result(double perSecond, double p50Millis, double p99Millis, long winners) {
    }

    private final String host;
    private final int port;
    private final Path script;

    RedisBaseline(String host, int port, Path script) {
        this.host = host;
        this.port = port;
        this.script = script;
    }

    Result run(int clients, long requests, int users, int round) throws IOException, InterruptedException {
        String sha = cli("SCRIPT", "LOAD", Files.readString(script)).trim();
        String tag = "{rpbench:" + round + "}:";
        List<String> keys = List.of(tag + "meta", tag + "slots", tag + "grabbers");
        cli(concat(List.of("DEL"), keys));
        long now = System.currentTimeMillis();
        cli("HSET", keys.get(0), "state", "ARMED", "expiresAt", Long.toString(now + 86_400_000L),
                "keyExpiresAt", Long.toString(now + 600_000L), "groupId", "1", "receiverId", "");
        cli(concat(List.of("RPUSH", keys.get(1)), IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).toList()));
        cli("PEXPIRE", keys.get(0), "600000");
        cli("PEXPIRE", keys.get(1), "600000");
        try {
            String csv = run(List.of("redis-benchmark", "-h", host, "-p", Integer.toString(port), "-c",
                    Integer.toString(clients), "-n", Long.toString(requests), "-r", Integer.toString(users), "--csv",
                    "EVALSHA", sha, "3", keys.get(0), keys.get(1), keys.get(2), "__rand_int__",
                    Long.toString(now), "1"));
            String[] row = csv.lines().filter(l -> l.startsWith("\"EVALSHA")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("redis-benchmark said: " + csv)).split("\",\"");
            long winners = Long.parseLong(cli("HLEN", keys.get(2)).trim());
            return new Result(number(row[1]), number(row[4]), number(row[6]), winners);
        } finally {
            cli(concat(List.of("DEL"), keys));
        }
    }

    /** The Redis server's process id (for its CPU time), from INFO. */
    long pid() throws IOException, InterruptedException {
        return cli("INFO", "server").lines().filter(l -> l.startsWith("process_id:"))
                .mapToLong(l -> Long.parseLong(l.substring("process_id:".length()).trim())).findFirst().orElse(-1);
    }

    private static double number(String field) {
        return Double.parseDouble(field.replace("\"", ""));
    }

    private String cli(String... args) throws IOException, InterruptedException {
        return cli(List.of(args));
    }

    private String cli(List<String> args) throws IOException, InterruptedException {
        return run(concat(List.of("redis-cli", "-h", host, "-p", Integer.toString(port), "-n", "0"), args));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command.getFirst() + " failed: " + output);
        }
        return output;
    }
}
