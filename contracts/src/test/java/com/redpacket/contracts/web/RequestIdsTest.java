package com.redpacket.contracts.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {
    /** The rule as it was written before, with a regular expression: the loop must agree with it on every input. */
    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @ParameterizedTest
    @ValueSource(strings = {"a", "req-1", "A.b_c:d-e", "0123456789", "fc2dad06-b52d-4b21-8339-63fad31edea7"})
    void keepsWellFormedIds(String id) {
        assertThat(RequestIds.acceptOrNew(id)).isSameAs(id);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a b", "a/b", "a\nb", "a\rb", "<script>", "x%0d%0a", "é", "a\u0000", "{}", "a;b", "ø",
            "1234567890123456789012345678901234567890123456789012345678901234567890"})
    void replacesAnythingElse(String id) {
        String made = RequestIds.acceptOrNew(id);
        assertThat(made).isNotEqualTo(id);
        assertThat(RULE.matcher(made).matches()).isTrue();
    }

    @Test
    void agreesWithTheRegularExpressionOnEveryShortString() {
        // every string of length 0–2 over printable ASCII plus a few others, and lengths around the limit
        String alphabet = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~\u007f\u00e9\u4e2d";
        for (int i = -1; i < alphabet.length(); i++) {
            for (int j = -1; j < alphabet.length(); j++) {
                String s = (i < 0 ? "" : alphabet.substring(i, i + 1)) + (j < 0 ? "" : alphabet.substring(j, j + 1));
                assertThat(RequestIds.isWellFormed(s)).as("'%s'", s).isEqualTo(RULE.matcher(s).matches());
            }
        }
        assertThat(RequestIds.isWellFormed("x".repeat(64))).isTrue();
        assertThat(RequestIds.isWellFormed("x".repeat(65))).isFalse();
    }

    @Test
    void newIdsAreVersion4UuidsAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = RequestIds.newId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(id).hasSize(36).isEqualTo(id.toLowerCase());
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void formatsMillisecondsWithOneDecimal() {
        assertThat(RequestIds.millis(0)).isEqualTo("0.0");
        assertThat(RequestIds.millis(49_999)).isEqualTo("0.0");
        assertThat(RequestIds.millis(50_000)).isEqualTo("0.1");
        assertThat(RequestIds.millis(1_234_567)).isEqualTo("1.2");
        assertThat(RequestIds.millis(12_250_000)).isEqualTo("12.3");
        assertThat(RequestIds.millis(15_000_000_000L)).isEqualTo("15000.0");
        assertThat(RequestIds.millis(-5)).isEqualTo("0.0");
    }
}
