package com.redpacket.grab;

import com.redpacket.contracts.internal.PacketLiveState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst on one packet at the service level: 1,000 distinct grabbers on 100 shares, also with the packet's keys
 * deleted in the middle of the storm, and one user grabbing from 50 threads. (The e2e tests repeat these against the
 * running system, where packet-service's real conditional UPDATE decides.)
 */
class GrabStormIT extends AbstractGrabIT {

    @Test
    void aThousandGrabbersOnAHundredSharesGetExactlyAHundred() throws Exception {
        storm(false);
    }

    @Test
    void theSameWhenTheKeysVanishInTheMiddleOfTheStorm() throws Exception {
        storm(true);
    }

    @Test
    void oneUserFromFiftyThreadsGetsOneShare() throws Exception {
        long group = group(1);
        long user = peers.groups.get(group).getFirst();
        PacketServiceStandIn.Fake packet = packet(10, group, null);
        arm(packet);

        List<Answer> answers = all(50, i -> grab(packet.id, user));

        Tally tally = new Tally();
        answers.forEach(tally::add);
        assertThat(tally.of("GRABBED")).isEqualTo(1);
        assertThat(tally.of("ALREADY_GRABBED")).isEqualTo(49);
        assertThat(answers.stream().map(a -> a.json().get("amount").asLong()).distinct()).hasSize(1);
        assertThat(packet.liveState().claims()).hasSize(1);
        assertThat(packet.liveState().freeSeqs()).hasSize(9);
    }

    private void storm(boolean deleteKeysMidway) throws Exception {
        long group = group(1_000);
        List<Long> users = peers.groups.get(group);
        PacketServiceStandIn.Fake packet = packet(100, group, null);
        arm(packet);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger deletions = new AtomicInteger();

        List<Answer> answers = all(1_000, i -> {
            Answer a = grab(packet.id, users.get((int) i));
            if (deleteKeysMidway && answered.incrementAndGet() == 40) {
                deleteKeys(packet.id);
                deletions.incrementAndGet();
            }
            return a;
        });

        Tally tally = new Tally();
        answers.forEach(tally::add);
        assertThat(tally.of("GRABBED")).as(tally.outcomes.toString()).isEqualTo(100);
        assertThat(tally.of("SOLD_OUT")).as(tally.outcomes.toString()).isEqualTo(900);
        long sum = answers.stream().filter(a -> a.status() == 200 && a.outcome().equals("GRABBED"))
                .mapToLong(a -> a.json().get("amount").asLong()).sum();
        long total = 0;
        for (long amount : packet.amounts) {
            total += amount;
        }
        assertThat(sum).isEqualTo(total).isEqualTo(packet.claimedTotal());
        PacketLiveState state = packet.liveState();
        assertThat(state.freeSeqs()).isEmpty();
        Set<Long> holders = new HashSet<>();
        state.claims().forEach(c -> assertThat(holders.add(c.userId())).as("no user twice").isTrue());
        if (deleteKeysMidway) {
            assertThat(deletions.get()).isEqualTo(1);
        }
    }

    /** Runs {@code n} grabs at once on virtual threads, released together. */
    private static <T> List<T> all(int n, LongFunction<T> grab) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                long index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return grab.apply(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }
}
