package com.redpacket.settlement.wallet;

import com.redpacket.platform.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryCursorTest {

    @Test
    void aCursorReadsBackAsTheEntryItWasMadeFrom() {
        assertThat(EntryCursor.parse(EntryCursor.after(123_456_789_012L))).isEqualTo(123_456_789_012L);
        assertThat(EntryCursor.parse(null)).isEqualTo(Long.MAX_VALUE);
        assertThat(EntryCursor.after(42)).doesNotContain("42").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void foreignStringsAreRefusedNamingTheCursor() {
        for (String bad : new String[]{"", "42", "!!!", "ZTE6LTE", "ZTE6YWJj", "ZTE6MA", "eDE6NDI"}) {
            assertThatThrownBy(() -> EntryCursor.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(ApiException.class,
                            e -> assertThat(e.errors().getFirst().field()).isEqualTo("cursor"));
        }
    }
}
