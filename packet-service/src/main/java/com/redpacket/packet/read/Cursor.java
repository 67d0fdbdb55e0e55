package com.redpacket.packet.read;

import com.redpacket.platform.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque list cursors: the sort key of the last item of a page, base64url-encoded, so clients cannot build or
 * depend on them. A cursor that does not decode is a 400 naming {@code cursor}.
 */
final class Cursor {
    private static final String PREFIX = "v1:";

    private Cursor() {
    }

    static String encode(long... parts) {
        StringBuilder s = new StringBuilder(PREFIX);
        for (int i = 0; i < parts.length; i++) {
            s.append(i == 0 ? "" : ":").append(parts[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static long[] decode(String cursor, int parts) {
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (!s.startsWith(PREFIX)) {
                throw invalid();
            }
            String[] fields = s.substring(PREFIX.length()).split(":");
            if (fields.length != parts) {
                throw invalid();
            }
            long[] values = new long[parts];
            for (int i = 0; i < parts; i++) {
                values[i] = Long.parseLong(fields[i]);
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return 20;
        }
        if (limit < 1 || limit > 100) {
            throw ApiException.invalid("limit", "must be between 1 and 100");
        }
        return limit;
    }

    private static ApiException invalid() {
        return ApiException.invalid("cursor", "is not a cursor this API returned");
    }
}
