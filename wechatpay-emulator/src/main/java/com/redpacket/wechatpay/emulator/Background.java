package com.redpacket.wechatpay.emulator;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** What WeChat Pay does later: notification deliveries and their retries, refunds completing. */
@Component
public class Background {
    private static final Logger log = LoggerFactory.getLogger(Background.class);

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2,
            Thread.ofPlatform().name("emulator-", 0).daemon(true).factory());

    void after(Duration delay, Runnable task) {
        executor.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.error("emulator background task failed", e);
            }
        }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
