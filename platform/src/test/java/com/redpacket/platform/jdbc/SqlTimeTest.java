package com.redpacket.platform.jdbc;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

class SqlTimeTest {
    @Test
    void aLiteralIsUtcWithSixFractionDigits() {
        assertThat(SqlTime.literal(Instant.parse("2024-03-05T07:08:09.123456Z")))
                .isEqualTo("2024-03-05 07:08:09.123456");
        assertThat(SqlTime.literal(Instant.parse("2024-03-05T07:08:09Z")))
                .isEqualTo("2024-03-05 07:08:09.000000");
        assertThat(SqlTime.literal(Instant.parse("2024-03-05T07:08:09.000001Z")))
                .isEqualTo("2024-03-05 07:08:09.000001");
    }

    @Test
    void nanosecondsAreCutOffNotRounded() {
        assertThat(SqlTime.literal(Instant.parse("2024-12-31T23:59:59.999999999Z")))
                .isEqualTo("2024-12-31 23:59:59.999999");
    }

    @Test
    void theJvmsTimeZoneDoesNotMatter() {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone(ZoneId.of("Asia/Shanghai")));
            assertThat(SqlTime.literal(Instant.parse("2024-03-05T23:30:00.5Z")))
                    .isEqualTo("2024-03-05 23:30:00.500000");
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void nullStaysNull() throws Exception {
        assertThat(SqlTime.literal(null)).isNull();
        assertThat(SqlTime.read(column("at", null), "at")).isNull();
    }

    @Test
    void aReadKeepsTheMicroseconds() throws Exception {
        Instant at = Instant.parse("2024-03-05T07:08:09.123456Z");
        assertThat(SqlTime.read(column("at", Timestamp.from(at)), "at")).isEqualTo(at);
    }

    /** A result set that answers only {@code getTimestamp(name)}. */
    private static ResultSet column(String name, Timestamp value) {
        return (ResultSet) Proxy.newProxyInstance(SqlTimeTest.class.getClassLoader(), new Class<?>[]{ResultSet.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getTimestamp") && name.equals(args[0])) {
                        return value;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
