package com.redpacket.grab;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.web.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code redpacket.grabs}: every grab answered, timed, tagged with its {@code outcome}: the five answers of API.md,
 * or NOT_IN_AUDIENCE, NOT_FOUND, UNAVAILABLE (503/504, retry) and ERROR. Its count by outcome is the grab rate and
 * mix, its histogram the latency (p99) of grab-service's answer. The hot path at thousands a second: every timer is
 * built once, here, and a grab only picks one.
 */
@Component
public class GrabMeters {
    private final Map<GrabOutcome, Timer> answered = new EnumMap<>(GrabOutcome.class);
    private final Timer notInAudience;
    private final Timer notFound;
    private final Timer unavailable;
    private final Timer error;

    public GrabMeters(MeterRegistry meters) {
        for (GrabOutcome outcome : GrabOutcome.values()) {
            answered.put(outcome, timer(meters, outcome.name()));
        }
        notInAudience = timer(meters, "NOT_IN_AUDIENCE");
        notFound = timer(meters, "NOT_FOUND");
        unavailable = timer(meters, "UNAVAILABLE");
        error = timer(meters, "ERROR");
    }

    /** Runs a grab and records its outcome and how long it took, whether it answered or threw. */
    public GrabResult time(Supplier<GrabResult> grab) {
        long start = System.nanoTime();
        Timer timer = error;
        try {
            GrabResult result = grab.get();
            timer = answered.get(result.outcome());
            return result;
        } catch (ApiException e) {
            timer = refused(e.code());
            throw e;
        } finally {
            timer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Timer refused(ErrorCode code) {
        return switch (code) {
            case NOT_IN_AUDIENCE -> notInAudience;
            case PACKET_NOT_FOUND -> notFound;
            case UPSTREAM_UNAVAILABLE, UPSTREAM_TIMEOUT -> unavailable;
            default -> error;
        };
    }

    private static Timer timer(MeterRegistry meters, String outcome) {
        return Timer.builder("redpacket.grabs")
                .description("grabs answered by grab-service, by outcome")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters);
    }
}
