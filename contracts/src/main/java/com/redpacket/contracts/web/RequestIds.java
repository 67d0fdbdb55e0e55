package com.redpacket.contracts.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The request id rule the gateway and the services share ({@link Headers#REQUEST_ID}): a caller's id is kept if it is
 * 1–64 characters of {@code A–Z a–z 0–9 . _ : -} (safe in a log line and a header), otherwise a new one is made.
 * Checked on every request, so without a regular expression, and new ids come from {@link ThreadLocalRandom}: a
 * request id only has to be unique, it is no secret and authorises nothing, and {@link UUID#randomUUID()} takes a
 * process-wide lock and a SHA-1 round per id (~2 % of grab-service's CPU per request in a grab storm).
 */
public final class RequestIds {
    public static final int MAX_LENGTH = 64;

    private RequestIds() {
    }

    /** {@code given} if it is well-formed, else a new id. */
    public static String acceptOrNew(String given) {
        return isWellFormed(given) ? given : newId();
    }

    public static boolean isWellFormed(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A random (version 4) UUID, in the same form as before: 36 characters, lower-case hex and dashes. */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** A duration in nanoseconds as milliseconds with one decimal, rounded ("12.3"), for the request log line. */
    public static String millis(long nanos) {
        long tenths = (Math.max(0, nanos) + 50_000) / 100_000;
        return tenths / 10 + "." + tenths % 10;
    }
}
