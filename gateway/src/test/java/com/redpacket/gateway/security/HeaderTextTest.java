package com.redpacket.gateway.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** HeaderText decides as Spring Security's firewall's own expressions do (StrictServerWebExchangeFirewall, 7.0). */
class HeaderTextTest {
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void agreesWithTheExpressionsOnEveryCodePoint() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = "a" + Character.toString(cp) + "b";
            assertThat(HeaderText.isName(s)).as("name U+%04X", cp).isEqualTo(NAME.matcher(s).matches());
            assertThat(HeaderText.isValue(s)).as("value U+%04X", cp).isEqualTo(VALUE.matcher(s).matches());
        }
    }

    @Test
    void agreesOnSurrogatesEmptyTextAndRandomMixes() {
        List<String> cases = List.of("", "\uD800", "\uDC00", "a\uD83D", "\uD83D\uDE00", "\uDE00\uD83D", "\t", " \t ",
                "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "x\u0085y", "x\u00A0y", "x\u2028y", "x\uFFFEy", "x\uFFFFy",
                "\u0378", "中文", "\u0000", "\u007F", "\u009F");
        for (String s : cases) {
            assertThat(HeaderText.isName(s)).as("name %s", s).isEqualTo(NAME.matcher(s).matches());
            assertThat(HeaderText.isValue(s)).as("value %s", s).isEqualTo(VALUE.matcher(s).matches());
        }
        Random random = new Random(7);
        char[] pool = {'a', 'Z', '0', ' ', '\t', '\n', '\r', '\u0000', '\u007F', '\u0085', '\u00E9', '\u4E2D', '\uD83D',
                '\uDE00', '\u0378', '\uFFFF', '|', ':', '='};
        for (int n = 0; n < 20_000; n++) {
            char[] text = new char[random.nextInt(12)];
            for (int i = 0; i < text.length; i++) {
                text[i] = pool[random.nextInt(pool.length)];
            }
            String s = new String(text);
            assertThat(HeaderText.isName(s)).as("name %s", s).isEqualTo(NAME.matcher(s).matches());
            assertThat(HeaderText.isValue(s)).as("value %s", s).isEqualTo(VALUE.matcher(s).matches());
        }
        assertThat(HeaderText.isName(null)).isTrue();
        assertThat(HeaderText.isValue("a\tb")).isTrue();
        assertThat(HeaderText.isName("a\tb")).isFalse();
        assertThat(HeaderText.isValue("a\nb")).isFalse();
    }
}
