package com.redpacket.platform.events;

import com.redpacket.contracts.events.DomainEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * The wire format of events: JSON with a {@code type} property. Unknown properties and unknown event types from a
 * newer producer are tolerated (an unknown type reads as empty); malformed JSON throws, and ends in the dead-letter topic.
 */
public final class EventJson {
    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
            .build();

    public String write(DomainEvent event) {
        return mapper.writeValueAsString(event);
    }

    public Optional<DomainEvent> read(String json) {
        return Optional.ofNullable(mapper.readValue(json, DomainEvent.class));
    }
}
