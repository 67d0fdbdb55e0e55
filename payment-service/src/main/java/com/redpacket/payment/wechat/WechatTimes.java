package com.redpacket.payment.wechat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** WeChat Pay writes times as RFC 3339 in China Standard Time, e.g. {@code 2018-06-08T10:34:56+08:00}. */
final class WechatTimes {
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private WechatTimes() {
    }

    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).atOffset(CHINA).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Null for a time WeChat Pay left out. */
    static Instant parse(String rfc3339) {
        return rfc3339 == null || rfc3339.isBlank() ? null
                : OffsetDateTime.parse(rfc3339, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}
