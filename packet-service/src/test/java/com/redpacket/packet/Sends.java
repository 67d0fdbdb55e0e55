package com.redpacket.packet;

import java.util.LinkedHashMap;
import java.util.Map;

/** Send bodies for the tests (an object mother); {@link #with} replaces or, with null, removes a field. */
public final class Sends {
    private Sends() {
    }

    public static Map<String, Object> lucky(long groupId, int count, long total) {
        return body("type", "GROUP_LUCKY", "groupId", Long.toString(groupId), "count", count, "totalAmount", total,
                "greeting", "恭喜发财", "payChannel", "BALANCE");
    }

    public static Map<String, Object> equal(long groupId, int count, long each) {
        return body("type", "GROUP_EQUAL", "groupId", Long.toString(groupId), "count", count, "amountEach", each,
                "payChannel", "BALANCE");
    }

    public static Map<String, Object> single(long receiverId, long total) {
        return body("type", "SINGLE", "receiverId", Long.toString(receiverId), "totalAmount", total,
                "payChannel", "BALANCE");
    }

    public static Map<String, Object> exclusive(long groupId, long receiverId, long total) {
        return body("type", "EXCLUSIVE", "groupId", Long.toString(groupId), "receiverId", Long.toString(receiverId),
                "totalAmount", total, "payChannel", "BALANCE");
    }

    public static Map<String, Object> with(Map<String, Object> body, Object... keyValues) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                copy.remove((String) keyValues[i]);
            } else {
                copy.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return copy;
    }

    private static Map<String, Object> body(Object... keyValues) {
        return with(new LinkedHashMap<>(), keyValues);
    }
}
