package com.redpacket.contracts.events;

import java.time.Instant;

/** user-service: a group's member list changed; callers caching membership drop their copy. */
public record GroupMembershipChanged(String eventId, Instant occurredAt, int version,
                                     long groupId, long userId)
        implements DomainEvent {

    public static GroupMembershipChanged of(long groupId, long userId) {
        return new GroupMembershipChanged(EventIds.random(), Instant.now(), 1, groupId, userId);
    }

    @Override
    public String partitionKey() {
        return Long.toString(groupId);
    }

    @Override
    public String topic() {
        return Topics.USER_EVENTS;
    }
}
