package com.redpacket.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * An event one service publishes and others consume. JSON on the wire, the {@code type} property names the record.
 * Every event carries its own id (the consumers' idempotency key), the time the business fact happened and a
 * schema version; {@link #partitionKey()} keeps one packet's (or one user's top-up's) events in order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PacketClaimed.class, name = "PacketClaimed"),
        @JsonSubTypes.Type(value = PacketExpired.class, name = "PacketExpired"),
        @JsonSubTypes.Type(value = PacketCancelled.class, name = "PacketCancelled"),
        @JsonSubTypes.Type(value = PaymentSucceeded.class, name = "PaymentSucceeded"),
        @JsonSubTypes.Type(value = PaymentClosed.class, name = "PaymentClosed"),
        @JsonSubTypes.Type(value = RefundSucceeded.class, name = "RefundSucceeded"),
        @JsonSubTypes.Type(value = ClaimCredited.class, name = "ClaimCredited"),
        @JsonSubTypes.Type(value = PacketRefunded.class, name = "PacketRefunded"),
        @JsonSubTypes.Type(value = GroupMembershipChanged.class, name = "GroupMembershipChanged"),
})
public sealed interface DomainEvent
        permits PacketClaimed, PacketExpired, PacketCancelled, PaymentSucceeded, PaymentClosed, RefundSucceeded,
        ClaimCredited, PacketRefunded, GroupMembershipChanged {

    String eventId();

    Instant occurredAt();

    /** Schema version of this record; bump when a field changes meaning, consumers branch on it. */
    int version();

    /** The Kafka record key: the packet id for packet money, the user id for top-ups, the group id for groups. */
    @JsonIgnore
    String partitionKey();

    /** The topic this event belongs to (its owner's). */
    @JsonIgnore
    String topic();

    /** The simple type name written into the JSON {@code type} property. */
    @JsonIgnore
    default String type() {
        return getClass().getSimpleName();
    }
}
