package com.redpacket.grab.slots;

import com.redpacket.contracts.internal.PacketLiveState;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis state of live packets, each under its own hash tag ({@code {rp:ID}:meta|slots|grabbers|lock}, one
 * Redis Cluster slot per packet): {@code meta} (state ARMED / UNPAID / CLOSED / UNKNOWN, expiry, audience),
 * {@code slots} (the free seqs, a list), {@code grabbers} (user → {@code P<seq>} while the claim is pending,
 * {@code C<seq>:<amount>} once it went through). Every decision is one Lua script, run with EVALSHA.
 */
@Component
public class SlotStore {
    private static final RedisScript<List> GRAB = script("grab", List.class);
    private static final RedisScript<List> SETTLE = script("settle", List.class);
    private static final RedisScript<Long> ARM = script("arm", Long.class);
    private static final RedisScript<Long> DISARM = script("disarm", Long.class);
    private static final RedisScript<Long> UNLOCK = script("unlock", Long.class);
    private static final RedisScript<List> SOLD_OUT = script("soldout", List.class);

    private final StringRedisTemplate redis;

    public SlotStore(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The grab decision; see grab.lua. {@code membership}: "1", "0" or "?" (group membership not looked up yet). */
    public List<String> grab(long packetId, long userId, String membership) {
        return run(GRAB, packetId, Long.toString(userId), now(), membership);
    }

    public void confirm(long packetId, long userId, String expected, int seq, long amount, Integer pushBack) {
        run(SETTLE, packetId, Long.toString(userId), expected, "CONFIRM", claimed(seq, amount), now(),
                pushBack == null ? "" : pushBack.toString());
    }

    public void release(long packetId, long userId, String expected) {
        run(SETTLE, packetId, Long.toString(userId), expected, "RELEASE", "", now(), "");
    }

    public List<String> repop(long packetId, long userId, String expected) {
        return run(SETTLE, packetId, Long.toString(userId), expected, "REPOP", "", now(), "");
    }

    /**
     * A sold-out packet's final state (see soldout.lua): expiresAt, groupId, receiverId, then user/entry pairs; empty
     * if the packet is not armed, still has a free slot or a grabber's claim is pending.
     */
    public List<String> soldOut(long packetId) {
        return run(SOLD_OUT, packetId);
    }

    /** The user's grabbers entry, or null. */
    public String entry(long packetId, long userId) {
        return (String) redis.opsForHash().get(key(packetId, "grabbers"), Long.toString(userId));
    }

    /** Writes the keys from packet-service's truth unless live keys exist; see arm.lua. */
    public boolean write(PacketLiveState s, String state, Instant keysExpireAt) {
        List<String> args = new ArrayList<>();
        args.add(state);
        args.add(Long.toString(keysExpireAt.toEpochMilli()));
        args.add(Long.toString(s.expiresAt().toEpochMilli()));
        args.add(s.groupId() == null ? "" : s.groupId().toString());
        args.add(s.receiverId() == null ? "" : s.receiverId().toString());
        List<Integer> free = state.equals(PacketState.ARMED) ? s.freeSeqs() : List.of();
        args.add(Integer.toString(free.size()));
        free.forEach(seq -> args.add(seq.toString()));
        for (PacketLiveState.Claim c : s.claims()) {
            args.add(Long.toString(c.userId()));
            args.add(claimed(c.seq(), c.amount()));
        }
        return redis.execute(ARM, keys(s.packetId()), args.toArray()) == 1L;
    }

    /** Remembers for {@code ttl} that packet-service does not know the packet (unless keys appeared meanwhile). */
    public void markUnknown(long packetId, Duration ttl) {
        String expireAt = Long.toString(Instant.now().plus(ttl).toEpochMilli());
        redis.execute(ARM, keys(packetId), PacketState.UNKNOWN, expireAt, "0", "", "", "0");
    }

    public void disarm(long packetId) {
        redis.execute(DISARM, List.of(key(packetId, "meta"), key(packetId, "slots")));
    }

    public boolean lock(long packetId, String token, Duration ttl) {
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(key(packetId, "lock"), token, ttl));
    }

    public void unlock(long packetId, String token) {
        redis.execute(UNLOCK, List.of(key(packetId, "lock")), token);
    }

    public boolean known(long packetId) {
        return Boolean.TRUE.equals(redis.hasKey(key(packetId, "meta")));
    }

    @SuppressWarnings("unchecked")
    private List<String> run(RedisScript<List> script, long packetId, String... args) {
        return (List<String>) redis.execute(script, keys(packetId), (Object[]) args);
    }

    private static List<String> keys(long packetId) {
        return List.of(key(packetId, "meta"), key(packetId, "slots"), key(packetId, "grabbers"));
    }

    public static String key(long packetId, String part) {
        return "{rp:" + packetId + "}:" + part;
    }

    static String claimed(int seq, long amount) {
        return "C" + seq + ":" + amount;
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis());
    }

    private static <T> RedisScript<T> script(String name, Class<T> type) {
        DefaultRedisScript<T> script = new DefaultRedisScript<>();
        script.setLocation(new ClassPathResource("scripts/" + name + ".lua"));
        script.setResultType(type);
        return script;
    }
}
