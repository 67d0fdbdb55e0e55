package com.redpacket.grab;

import com.redpacket.grab.audience.GroupMembersCache;
import com.redpacket.grab.slots.Entry;
import com.redpacket.grab.slots.SlotStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sold-out packets answered from memory. A hot packet's storm is answered SOLD_OUT thousands of times a second once
 * its shares are gone, and from the moment the last slot is popped and every grabber's claim is confirmed, nothing
 * about the packet changes but the clock: no slot can come back (only a pending claim pushes one back), and the keys
 * are rebuilt from packet-service's truth, which says the same. So grab-service keeps that final state (who holds
 * which amount, the audience, the expiry) and answers a member's repeat grabs (ALREADY_GRABBED, SOLD_OUT, EXPIRED
 * after the expiry) as grab.lua would, without the Redis round trip. Anything else (a non-member, a packet not
 * final yet) still goes to Redis.
 * <p>Each state is trusted for {@code redpacket.grab.sold-out-memory} (1 s; 0 turns this off), then read again, so
 * even a change this reasoning does not foresee (an operator's hand on the keys) shows within that time. A disarm or
 * re-arm through this instance forgets it at once. Answers from memory are counted in
 * {@code redpacket.grab.sold.out.memory}.
 */
@Component
public class SoldOutPackets {
    private static final int MAX_PACKETS = 10_000;

    private final SlotStore slots;
    private final GroupMembersCache members;
    private final long trustMillis;
    private final Map<Long, Known> known = new ConcurrentHashMap<>();
    private final Set<Long> reading = ConcurrentHashMap.newKeySet();
    private final Counter answered;

    public SoldOutPackets(SlotStore slots, GroupMembersCache members, GrabProperties props, MeterRegistry meters) {
        this.slots = slots;
        this.members = members;
        this.trustMillis = props.soldOutMemory().toMillis();
        this.answered = Counter.builder("redpacket.grab.sold.out.memory")
                .description("grabs of sold-out packets answered from grab-service's memory, without Redis")
                .register(meters);
    }

    /** A sold-out packet's final state: grabbers' amounts, audience, expiry; trusted until {@code trustedUntil}. */
    record Known(long expiresAt, Long groupId, Long receiverId, Map<Long, Long> amounts, long trustedUntil) {
    }

    /** The answer grab.lua would give {@code userId} now, or null if only Redis can tell. */
    GrabResult answer(long packetId, long userId) {
        Known k = known.get(packetId);
        if (k == null) {
            return null;
        }
        long now = System.currentTimeMillis();
        if (now >= k.trustedUntil()) {
            known.remove(packetId, k);
            return null;
        }
        Long amount = k.amounts().get(userId);
        GrabResult result;
        if (amount != null) {
            result = GrabResult.alreadyGrabbed(amount);
        } else if (k.receiverId() != null || k.groupId() == null || !members.isMember(k.groupId(), userId)) {
            return null; // not the audience: Redis answers, as for any packet
        } else {
            result = GrabResult.of(now >= k.expiresAt() ? GrabOutcome.EXPIRED : GrabOutcome.SOLD_OUT);
        }
        answered.increment();
        return result;
    }

    /** Redis answered SOLD_OUT: remember the packet's state if it is final (one request reads it at a time). */
    void soldOut(long packetId) {
        if (trustMillis <= 0 || known.containsKey(packetId) || !reading.add(packetId)) {
            return;
        }
        try {
            List<String> state = slots.soldOut(packetId);
            if (state.isEmpty()) {
                return;
            }
            Map<Long, Long> amounts = new HashMap<>();
            for (int i = 3; i + 1 < state.size(); i += 2) {
                amounts.put(Long.parseLong(state.get(i)), Entry.parse(state.get(i + 1)).amount());
            }
            if (known.size() >= MAX_PACKETS) {
                known.clear();
            }
            known.put(packetId, new Known(Long.parseLong(state.get(0)), optionalLong(state.get(1)),
                    optionalLong(state.get(2)), Map.copyOf(amounts), System.currentTimeMillis() + trustMillis));
        } finally {
            reading.remove(packetId);
        }
    }

    /** The packet was disarmed or armed again through this instance. */
    public void forget(long packetId) {
        known.remove(packetId);
    }

    private static Long optionalLong(String value) {
        return value.isEmpty() ? null : Long.parseLong(value);
    }
}
