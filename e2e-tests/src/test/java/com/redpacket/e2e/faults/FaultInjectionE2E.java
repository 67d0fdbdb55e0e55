package com.redpacket.e2e.faults;

import com.redpacket.e2e.Api;
import com.redpacket.e2e.support.Repo;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault run (issue 7): a mixed workload through the gateway while each business service is killed with
 * SIGKILL and started again, Redis is flushed, the Kafka broker restarts and WeChat Pay's notifications come late,
 * twice and out of order; then, with every service back, every fen is where every service's truth says it must be.
 * Run by {@code dev/faults} (tag {@code faults}), which sets packet-service's short TTL and the knobs:
 * {@code REDPACKET_FAULTS_DURATION} (seconds of workload, default 150), {@code REDPACKET_FAULTS_SETTLE} (most
 * seconds to wait for the system to settle, default 240), {@code REDPACKET_FAULTS_SEED}, {@code _USERS} (12),
 * {@code _WORKERS} (6), {@code _ROUNDS} (rounds of faults: one per full 150 s, at least one), {@code REDPACKET_FAULTS_REPORT}
 * (default .run/faults-report.md).
 */
@Tag("faults")
class FaultInjectionE2E {
    private static final Duration AFTER_THE_LAST_FAULT = Duration.ofSeconds(10);
    /** A longer run repeats the round of faults: every service killed again, Redis and Kafka again. */
    private static final long ROUND_SECONDS = 150;

    @Test
    void everyFenStaysAccountedForWhileServicesCrashRedisIsFlushedAndKafkaRestarts() throws Exception {
        Duration duration = Duration.ofSeconds(Long.parseLong(Api.env("REDPACKET_FAULTS_DURATION", "150")));
        Duration settleLimit = Duration.ofSeconds(Long.parseLong(Api.env("REDPACKET_FAULTS_SETTLE", "240")));
        long seed = Long.parseLong(Api.env("REDPACKET_FAULTS_SEED", Long.toString(new Random().nextLong())));
        int users = Integer.parseInt(Api.env("REDPACKET_FAULTS_USERS", "12"));
        int workers = Integer.parseInt(Api.env("REDPACKET_FAULTS_WORKERS", "6"));
        int rounds = Integer.parseInt(Api.env("REDPACKET_FAULTS_ROUNDS",
                Long.toString(Math.max(1, duration.toSeconds() / ROUND_SECONDS))));
        Path report = Path.of(Api.env("REDPACKET_FAULTS_REPORT", Repo.runDir().resolve("faults-report.md").toString()));

        SystemProcesses system = new SystemProcesses();
        Workload workload = new Workload(seed, users, workers);
        Injector injector = new Injector(system, workload, seed);
        Sampler sampler = new Sampler();
        Instant started = Instant.now();
        Instant end = started.plus(duration);
        workload.start();
        sampler.start();
        injector.run(started, end, rounds);
        // the workload goes on a while after the last fault too: the system is exercised fully recovered as well
        Instant last = Instant.now().plus(AFTER_THE_LAST_FAULT);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), last.isAfter(end) ? last : end).toMillis()));
        workload.stop();
        sampler.stop();
        Duration ran = Duration.between(started, Instant.now());

        Instant settling = Instant.now();
        Instant deadline = settling.plus(settleLimit);
        Oracle oracle = new Oracle(workload);
        List<Oracle.Check> checks = check(oracle);
        while (violations(checks) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(5_000);
            checks = check(oracle);
        }
        String written = FaultReport.write(report,
                new FaultReport.Run(started, ran, Duration.between(settling, Instant.now()), seed, workload.ttl(),
                        users, workers),
                injector.timeline(), injector.failures(), workload.tally, Notifications.of(workload), sampler, checks);
        System.out.println(written);

        assertThat(injector.failures()).as("faults that could not be injected or recovered from").isEmpty();
        assertThat(sampler.violations()).as("invariants broken while the faults were going on").isEmpty();
        for (Oracle.Check check : checks) {
            assertThat(Oracle.shown(check.violations())).as(check.rule()).isEmpty();
        }
    }

    /** The oracle's checks; a system it cannot read yet (a service still starting) is a violation until it can. */
    private static List<Oracle.Check> check(Oracle oracle) {
        try {
            return oracle.check();
        } catch (RuntimeException | AssertionError e) {
            return List.of(new Oracle.Check("the oracle can read every service", 1, List.of(e.toString())));
        }
    }

    private static long violations(List<Oracle.Check> checks) {
        return checks.stream().mapToLong(c -> c.violations().size()).sum();
    }
}
