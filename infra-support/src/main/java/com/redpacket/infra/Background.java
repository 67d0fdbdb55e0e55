package com.redpacket.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Processes that outlive dev/up, each recorded in a pid file so that dev/down stops exactly them. Where {@code setsid}
 * exists each gets its own session: a Ctrl-C in dev/up's terminal does not reach it, and dev/down can signal its whole
 * process group (a holder JVM together with the server it runs).
 */
final class Background {
    private static final long POLL_MS = 250;

    private Background() {
    }

    static ProcessHandle start(List<String> command, Path log, Path pidFile) {
        List<String> full = new ArrayList<>();
        setsid().ifPresent(full::add);
        full.addAll(command);
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            Files.writeString(pidFile, process.pid() + "\n");
            return process.toHandle();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.getFirst(), e);
        }
    }

    /** The process a pid file names, if it is alive and its command line still contains {@code marker}. */
    static Optional<ProcessHandle> live(Path pidFile, String marker) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(line -> line.contains(marker)).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Polls until {@code probe} answers; fails early, with the log's tail, if the process dies. */
    static void await(String what, Supplier<Presence> probe, ProcessHandle process, Path log, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Presence last = probe.get();
        while (!last.answers()) {
            if (!process.isAlive()) {
                throw new InfraException(what + " exited before it answered; last lines of " + log + ":\n"
                        + tail(log, 30));
            }
            if (System.nanoTime() > deadline) {
                throw new InfraException(what + " did not answer within " + timeout.toSeconds() + " s (" + last.detail()
                        + "); pid " + process.pid() + " is left running; last lines of " + log + ":\n" + tail(log, 30));
            }
            sleep();
            last = probe.get();
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static Optional<String> setsid() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "setsid"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted while waiting", e);
        }
    }
}
