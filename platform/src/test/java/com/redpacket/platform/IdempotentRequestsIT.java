package com.redpacket.platform;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.idempotency.IdempotentRequests;
import com.redpacket.platform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotentRequestsIT extends AbstractPlatformIT {
    record Send(long amount, String greeting) {
    }

    record Sent(String id, long amount) {
    }

    @Autowired
    IdempotentRequests idempotent;

    private final AtomicLong ids = new AtomicLong(1_000);

    @Test
    void tenConcurrentRepeatsRunTheWorkOnceAndAllGetTheFirstAnswer() throws Exception {
        String scope = "POST /test:user:" + UUID.randomUUID();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Sent>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return idempotent.execute(scope, "key-1", new Send(100, "hi"), ids.incrementAndGet(), id -> {
                        runs.incrementAndGet();
                        sleep(300);
                        return new Sent(Long.toString(id), 100);
                    }, Sent.class);
                }));
            }
            start.countDown();
            Set<String> distinct = ConcurrentHashMap.newKeySet();
            for (Future<Sent> f : answers) {
                distinct.add(f.get().id());
            }
            assertThat(runs.get()).isEqualTo(1);
            assertThat(distinct).hasSize(1);
        }
    }

    @Test
    void aDifferentBodyWithTheSameKeyIsRefused() {
        String scope = "POST /test:user:" + UUID.randomUUID();
        idempotent.execute(scope, "k", new Send(100, "hi"), 1, id -> new Sent("1", 100), Sent.class);
        assertThatThrownBy(() -> idempotent.execute(scope, "k", new Send(101, "hi"), 2, id -> new Sent("2", 101), Sent.class))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
        // keys are per caller: another user may use the same key
        Sent other = idempotent.execute(scope + "x", "k", new Send(101, "hi"), 3, id -> new Sent("3", 101), Sent.class);
        assertThat(other.id()).isEqualTo("3");
    }

    @Test
    void aRejectedRequestFreesTheKeyForACorrectedRetry() {
        String scope = "POST /test:user:" + UUID.randomUUID();
        assertThatThrownBy(() -> idempotent.execute(scope, "k", new Send(100, "hi"), 10, id -> {
            throw ApiException.of(ErrorCode.INSUFFICIENT_BALANCE, "short");
        }, Sent.class)).isInstanceOf(ApiException.class);
        Sent retried = idempotent.execute(scope, "k", new Send(100, "hi"), 11, id -> new Sent(Long.toString(id), 100),
                Sent.class);
        assertThat(retried.id()).isEqualTo("11");
    }

    @Test
    void aCrashMidWayIsRetriedOnTheSameResourceId() {
        String scope = "POST /test:user:" + UUID.randomUUID();
        assertThatThrownBy(() -> idempotent.execute(scope, "k", new Send(100, "hi"), 20, id -> {
            throw new IllegalStateException("connection reset after the debit");
        }, Sent.class)).isInstanceOf(IllegalStateException.class);
        Sent retried = idempotent.execute(scope, "k", new Send(100, "hi"), 21, id -> new Sent(Long.toString(id), 100),
                Sent.class);
        assertThat(retried.id()).as("the retry continues the first attempt's resource").isEqualTo("20");
        Sent replay = idempotent.execute(scope, "k", new Send(100, "hi"), 22, id -> new Sent("never", 0), Sent.class);
        assertThat(replay).isEqualTo(retried);
    }

    /**
     * The first request hangs past its lease (2 s here) without failing: a retry takes its work over, on the same
     * resource id. The take-over is a compare-and-set on the microsecond {@code updated_at} the retry read back.
     */
    @Test
    void aRequestHangingPastItsLeaseIsTakenOverOnTheSameResourceId() throws Exception {
        String scope = "POST /test:user:" + UUID.randomUUID();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<Long> workedOn = new CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<Sent> first = pool.submit(() -> idempotent.execute(scope, "k", new Send(100, "hi"), 30, id -> {
                workedOn.add(id);
                firstStarted.countDown();
                await(releaseFirst);
                return new Sent(Long.toString(id), 100);
            }, Sent.class));
            Sent retried;
            try {
                assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
                retried = idempotent.execute(scope, "k", new Send(100, "hi"), 31, id -> {
                    workedOn.add(id);
                    return new Sent(Long.toString(id), 100);
                }, Sent.class);
            } finally {
                releaseFirst.countDown();
            }
            assertThat(retried.id()).as("the retry took over the first request's resource").isEqualTo("30");
            assertThat(workedOn).containsExactly(30L, 30L);
            assertThat(first.get().id()).isEqualTo("30");
        }
    }

    @Test
    void malformedKeysAreRejectedNamingTheHeader() {
        for (String key : List.of("", "x".repeat(65), "has space", "ключ")) {
            assertThatThrownBy(() -> idempotent.execute("s", key, new Send(1, "x"), 1, id -> new Sent("1", 1), Sent.class))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                        assertThat(e.errors().getFirst().field()).isEqualTo("Idempotency-Key");
                    });
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
