package com.redpacket.wechatpay.emulator;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** WeChat Pay writes times as RFC 3339 in China Standard Time, e.g. {@code 2018-06-08T10:34:56+08:00}. */
final class Times {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private Times() {
    }

    static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(CHINA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static Instant parse(String field, String rfc3339) {
        try {
            return OffsetDateTime.parse(rfc3339, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw WechatPayError.param(field + " must be an RFC 3339 time");
        }
    }
}
