package com.redpacket.e2e.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Injects the faults of a run, one after the other at random moments spread over the run: kill -9 of each business
 * service in turn (then dev/up starts it again, after a random moment of downtime), a FLUSHDB of the system's Redis
 * database and a restart of the Kafka broker. Each is written down with when it happened and what it found.
 */
final class Injector {
    static final List<String> SERVICES = List.of("user-service", "packet-service", "grab-service", "payment-service",
            "settlement-service");
    private static final String REDIS = "redis FLUSHDB";
    private static final String KAFKA = "kafka";
    /** About how long a killed service takes to come back (measured: 8-18 s), to spread the faults over the run. */
    private static final Duration RESTART_ESTIMATE = Duration.ofSeconds(15);

    /** One injected fault: seconds into the run, what, what was seen, how long until all was back. */
    record Injected(long atSecond, String fault, String detail, long recoverySeconds) {
    }

    private final SystemProcesses system;
    private final Workload workload;
    private final Random random;
    private final List<Injected> timeline = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    Injector(SystemProcesses system, Workload workload, long seed) {
        this.system = system;
        this.workload = workload;
        this.random = new Random(seed);
    }

    /**
     * Runs {@code rounds} rounds of faults before {@code end} (each: every service killed once, in a random order,
     * with the Redis flush and the broker restart somewhere among them); returns when the last one has recovered.
     */
    void run(Instant start, Instant end, int rounds) {
        List<String> plan = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<String> faults = new ArrayList<>(SERVICES);
            Collections.shuffle(faults, random);
            faults.add(random.nextInt(faults.size() + 1), REDIS);
            faults.add(random.nextInt(faults.size() + 1), KAFKA);
            plan.addAll(faults);
        }
        long budget = Duration.between(Instant.now(), end).toMillis()
                - RESTART_ESTIMATE.toMillis() * (SERVICES.size() + 1) * rounds;
        long slot = Math.max(2_000, budget / plan.size());
        for (String fault : plan) {
            sleep(slot / 3 + (long) (random.nextDouble() * slot * 2 / 3));
            long at = Duration.between(start, Instant.now()).toSeconds();
            Instant began = Instant.now();
            try {
                String detail = inject(fault);
                timeline.add(new Injected(at, describe(fault), detail, Duration.between(began, Instant.now()).toSeconds()));
            } catch (RuntimeException e) {
                failures.add(describe(fault) + " at +" + at + " s: " + e.getMessage());
                timeline.add(new Injected(at, describe(fault), "FAILED: " + e.getMessage(),
                        Duration.between(began, Instant.now()).toSeconds()));
            }
        }
    }

    List<Injected> timeline() {
        return List.copyOf(timeline);
    }

    /** Faults that could not be injected or recovered from (a service that did not come back is one). */
    List<String> failures() {
        return List.copyOf(failures);
    }

    private String inject(String fault) {
        return switch (fault) {
            case REDIS -> "FLUSHDB of database 0 dropped " + system.flushRedis() + " keys (slot lists, grabbers, rate "
                    + "limits)";
            case KAFKA -> {
                if (system.live(KAFKA).isEmpty()) {
                    throw new IllegalStateException("the broker was not started by dev/up (no live .run/pids/kafka.pid)");
                }
                system.restart(KAFKA);
                yield "SIGTERM, started again by dev/up; services reconnected on their own";
            }
            default -> {
                int inFlight = workload.inFlight.get();
                long pid = system.kill(fault);
                long down = 500 + random.nextInt(3_500);
                sleep(down);
                system.up(fault);
                yield "kill -9 of pid " + pid + " (app requests in flight: " + inFlight + "); down "
                        + (down / 100) / 10.0 + " s before dev/up started it again";
            }
        };
    }

    private static String describe(String fault) {
        return switch (fault) {
            case REDIS -> "Redis flushed";
            case KAFKA -> "Kafka broker restarted";
            default -> fault + " killed";
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
