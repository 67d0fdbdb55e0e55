package com.redpacket.wechatpay.emulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

    @Test
    void wechatPaysScheduleSpansADayAndThenGivesUp() {
        RetrySchedule real = new RetrySchedule(1.0);
        Duration total = Duration.ZERO;
        for (int retry = 1; retry <= 15; retry++) {
            total = total.plus(real.waitBeforeRetry(retry).orElseThrow());
        }
        assertThat(real.waitBeforeRetry(1)).contains(Duration.ofSeconds(15));
        assertThat(real.waitBeforeRetry(4)).contains(Duration.ofMinutes(3));
        assertThat(total).isEqualTo(Duration.ofHours(24).plusMinutes(4));
        assertThat(real.waitBeforeRetry(16)).isEqualTo(Optional.empty());
        assertThat(real.waitBeforeRetry(0)).isEqualTo(Optional.empty());
    }

    @Test
    void aScaleCompressesEveryWait() {
        RetrySchedule fast = new RetrySchedule(0.01);
        assertThat(fast.waitBeforeRetry(1)).contains(Duration.ofMillis(150));
        assertThat(fast.waitBeforeRetry(15)).contains(Duration.ofSeconds(216));
        assertThatThrownBy(() -> new RetrySchedule(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
