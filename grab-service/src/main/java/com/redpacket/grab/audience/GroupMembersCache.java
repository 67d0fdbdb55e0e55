package com.redpacket.grab.audience;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.grab.GrabProperties;
import com.redpacket.grab.client.UserClient;
import com.redpacket.platform.web.ApiException;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Group members from user-service, per group, for {@code redpacket.grab.members-ttl}, and dropped at once on
 * {@code GroupMembershipChanged}. One load per group at a time: a thousand first grabs in one group wait for the same
 * answer instead of sending a thousand requests. An unknown group has no members.
 */
@Component
public class GroupMembersCache {
    private static final int MAX_GROUPS = 100_000;

    private final UserClient users;
    private final long ttlNanos;
    private final Map<Long, Loaded> cache = new ConcurrentHashMap<>();

    public GroupMembersCache(UserClient users, GrabProperties props) {
        this.users = users;
        this.ttlNanos = props.membersTtl().toNanos();
    }

    public boolean isMember(long groupId, long userId) {
        long now = System.nanoTime();
        Loaded current = cache.get(groupId);
        if (current == null || now - current.at >= ttlNanos) {
            Loaded mine = new Loaded(new CompletableFuture<>(), now);
            current = cache.compute(groupId, (g, old) -> old != null && now - old.at < ttlNanos ? old : mine);
            if (current == mine) {
                load(groupId, mine);
            }
        }
        try {
            return current.members.join().contains(userId);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public void drop(long groupId) {
        cache.remove(groupId);
    }

    private void load(long groupId, Loaded entry) {
        if (cache.size() > MAX_GROUPS) {
            cache.clear();
        }
        try {
            entry.members.complete(Set.copyOf(users.members(groupId).memberIds()));
        } catch (ApiException e) {
            if (e.code() == ErrorCode.GROUP_NOT_FOUND || e.code() == ErrorCode.NOT_FOUND) {
                entry.members.complete(Set.of());
            } else {
                cache.remove(groupId, entry);
                entry.members.completeExceptionally(e);
            }
        } catch (RuntimeException e) {
            cache.remove(groupId, entry);
            entry.members.completeExceptionally(e);
        }
    }

    private record Loaded(CompletableFuture<Set<Long>> members, long at) {
    }
}
