package com.redpacket.e2e.faults;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.Repo;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The running system's processes as dev/up recorded them ({@code .run/pids/<name>.pid}, each process carrying
 * {@code -Dredpacket.role=<name>} so a reused pid is never mistaken for it), and the faults done to them: SIGKILL
 * of exactly that pid, a restart through dev/up or dev/restart (with this JVM's environment, which dev/faults set),
 * a FLUSHDB of the system's Redis database.
 */
final class SystemProcesses {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    private final Path root = Repo.root();
    private final Path runDir = Repo.runDir();
    private final Path log = runDir.resolve("logs").resolve("faults-restarts.log");

    Optional<ProcessHandle> live(String name) {
        try {
            long pid = Long.parseLong(Files.readString(runDir.resolve("pids").resolve(name + ".pid")).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains("-Dredpacket.role=" + name)).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** kill -9 of the process dev/up started as {@code name}; returns its pid once it is gone. */
    long kill(String name) {
        ProcessHandle process = live(name).orElseThrow(() -> new IllegalStateException(
                name + " is not running as dev/up started it (no live pid in " + runDir.resolve("pids") + ")"));
        process.destroyForcibly();
        process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        return process.pid();
    }

    /** dev/up for these processes: starts what is not running and waits until healthy, registered and routed. */
    void up(String... names) {
        run("dev/up", names);
    }

    /** dev/restart: SIGTERM and a fresh start, as an operator restarts something. */
    void restart(String... names) {
        run("dev/restart", names);
    }

    /** FLUSHDB of the system's Redis database (0); returns how many keys there were. */
    long flushRedis() {
        RedisClient client = RedisClient.create(Api.env("REDPACKET_REDIS_URL", "redis://127.0.0.1:6379/0"));
        try (StatefulRedisConnection<String, String> redis = client.connect()) {
            long keys = redis.sync().dbsize();
            redis.sync().flushdb();
            return keys;
        } finally {
            client.shutdown();
        }
    }

    static boolean healthy(int port) {
        try {
            Api.Answer health = new Api("http://localhost:" + port).get("/actuator/health", null);
            return health.status() == 200 && health.body().contains("\"UP\"");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void run(String script, String... names) {
        List<String> command = new ArrayList<>(List.of(root.resolve(script).toString()));
        command.addAll(List.of(names));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "\n== " + String.join(" ", command) + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within " + START_TIMEOUT + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (exit " + process.exitValue() + "); see " + log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
