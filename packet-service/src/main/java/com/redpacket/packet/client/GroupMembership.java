package com.redpacket.packet.client;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.packet.PacketProperties;
import com.redpacket.platform.web.ApiException;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Group members from user-service, trusted for a few seconds ({@code redpacket.packet.members-cache-ttl}): a burst of
 * sends and reads in one group asks once. An unknown group reads as empty.
 */
@Component
public class GroupMembership {
    private final UserClient users;
    private final long ttlNanos;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    public GroupMembership(UserClient users, PacketProperties props) {
        this.users = users;
        this.ttlNanos = props.membersCacheTtl().toNanos();
    }

    /** The group's members, or empty if there is no such group. */
    public Optional<Set<Long>> members(long groupId) {
        Cached hit = cache.get(groupId);
        long now = System.nanoTime();
        if (hit != null && now - hit.loadedAt < ttlNanos) {
            return hit.members;
        }
        Optional<Set<Long>> members = load(groupId);
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(groupId, new Cached(members, now));
        return members;
    }

    public boolean isMember(long groupId, long userId) {
        return members(groupId).map(m -> m.contains(userId)).orElse(false);
    }

    private Optional<Set<Long>> load(long groupId) {
        try {
            return Optional.of(Set.copyOf(users.members(groupId).memberIds()));
        } catch (ApiException e) {
            if (e.code() == ErrorCode.GROUP_NOT_FOUND || e.code() == ErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private record Cached(Optional<Set<Long>> members, long loadedAt) {
    }
}
