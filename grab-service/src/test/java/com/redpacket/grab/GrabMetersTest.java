package com.redpacket.grab;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.web.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrabMetersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GrabMeters meters = new GrabMeters(registry);

    @Test
    void everyOutcomeIsThereFromTheStartAndEachGrabCountsOnceUnderItsOwn() {
        assertThat(registry.find("redpacket.grabs").timers()).hasSize(GrabOutcome.values().length + 4);

        GrabResult grabbed = GrabResult.grabbed(120, 3);
        assertThat(meters.time(() -> grabbed)).isSameAs(grabbed);
        meters.time(() -> GrabResult.of(GrabOutcome.SOLD_OUT));
        meters.time(() -> GrabResult.of(GrabOutcome.SOLD_OUT));

        assertThat(count("GRABBED")).isEqualTo(1);
        assertThat(count("SOLD_OUT")).isEqualTo(2);
        assertThat(count("ALREADY_GRABBED")).isZero();
    }

    @Test
    void refusalsAndFailuresAreCountedAndStillThrown() {
        refuse(ErrorCode.NOT_IN_AUDIENCE);
        refuse(ErrorCode.PACKET_NOT_FOUND);
        refuse(ErrorCode.UPSTREAM_TIMEOUT);
        refuse(ErrorCode.UPSTREAM_UNAVAILABLE);
        assertThatThrownBy(() -> meters.time(() -> {
            throw new IllegalStateException("redis answered nonsense");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(count("NOT_IN_AUDIENCE")).isEqualTo(1);
        assertThat(count("NOT_FOUND")).isEqualTo(1);
        assertThat(count("UNAVAILABLE")).isEqualTo(2);
        assertThat(count("ERROR")).isEqualTo(1);
    }

    private void refuse(ErrorCode code) {
        ApiException refusal = ApiException.of(code, "no");
        assertThatThrownBy(() -> meters.time(() -> {
            throw refusal;
        })).isSameAs(refusal);
    }

    private long count(String outcome) {
        return registry.get("redpacket.grabs").tag("outcome", outcome).timer().count();
    }
}
