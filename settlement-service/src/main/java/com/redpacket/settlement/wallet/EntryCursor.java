package com.redpacket.settlement.wallet;

import com.redpacket.platform.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of the wallet statement: the id of the last entry of the previous page, wrapped so apps
 * do not build their own (and so the encoding can change without breaking them).
 */
public final class EntryCursor {
    private static final String PREFIX = "e1:";

    private EntryCursor() {
    }

    public static String after(long entryId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + entryId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The entry id the next page starts below; {@code Long.MAX_VALUE} for the first page (null cursor). */
    public static long parse(String cursor) {
        if (cursor == null) {
            return Long.MAX_VALUE;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (raw.startsWith(PREFIX)) {
                long id = Long.parseLong(raw.substring(PREFIX.length()));
                if (id > 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as any other foreign string
        }
        throw ApiException.invalid("cursor", "is not a cursor this API returned");
    }
}
