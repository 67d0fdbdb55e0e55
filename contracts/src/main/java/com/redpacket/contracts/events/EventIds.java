package com.redpacket.contracts.events;

import java.util.UUID;

/** Event ids. Random by default; derived from a business key where a re-run of the same step must repeat the id. */
public final class EventIds {
    private EventIds() {
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }

    /** The same business fact always gets the same id, so a replayed producer step is deduplicated downstream. */
    public static String of(String businessKey) {
        return UUID.nameUUIDFromBytes(businessKey.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
