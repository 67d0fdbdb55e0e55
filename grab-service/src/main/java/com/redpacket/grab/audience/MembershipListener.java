package com.redpacket.grab.audience;

import com.redpacket.contracts.events.GroupMembershipChanged;
import com.redpacket.contracts.events.Topics;
import com.redpacket.platform.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Drops a group's cached members when they change. Every grab-service instance caches on its own, so every instance
 * needs every event: a consumer group of its own per instance, reading from the latest offset (older changes are
 * already reflected in anything it loads).
 */
@Component
public class MembershipListener {
    private final GroupMembersCache members;
    private final EventJson json = new EventJson();

    public MembershipListener(GroupMembersCache members) {
        this.members = members;
    }

    @KafkaListener(topics = Topics.USER_EVENTS, groupId = "grab-service-${random.uuid}",
            properties = "auto.offset.reset=latest")
    public void onUserEvent(ConsumerRecord<String, String> record) {
        json.read(record.value()).ifPresent(event -> {
            if (event instanceof GroupMembershipChanged changed) {
                members.drop(changed.groupId());
            }
        });
    }
}
