package com.redpacket.user.input;

import com.redpacket.platform.web.ApiException;
import com.redpacket.platform.web.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputRulesTest {

    @Test
    void usernamesAreThreeToThirtyTwoAsciiWordCharacters() {
        for (String ok : new String[]{"bob", "alice_1", "a.b-c", "X".repeat(32)}) {
            FieldErrors errors = new FieldErrors();
            assertThat(InputRules.username(ok, errors)).isEqualTo(ok);
            assertThat(errors.isEmpty()).as(ok).isTrue();
        }
        for (String bad : new String[]{"", "ab", "X".repeat(33), "with space", "ｆｕｌｌ", "аlice", "tab\tname",
                "emoji😀", "semi;colon", null}) {
            FieldErrors errors = new FieldErrors();
            assertThat(InputRules.username(bad, errors)).isNull();
            assertThat(errors.problems()).extracting(FieldProblem::field).containsExactly("username");
        }
    }

    @Test
    void passwordsAreEightCharactersToSeventyTwoBytes() {
        FieldErrors errors = new FieldErrors();
        assertThat(InputRules.password("correct horse", errors)).isEqualTo("correct horse");
        assertThat(InputRules.password("密码密码密码密码", errors)).isNotNull();
        assertThat(errors.isEmpty()).isTrue();

        assertThat(InputRules.password("short", errors)).isNull();
        assertThat(InputRules.password("x".repeat(73), errors)).isNull();
        assertThat(InputRules.password("密".repeat(25), errors)).as("75 bytes of UTF-8").isNull();
        assertThat(InputRules.password("nul\u0000in the middle", errors)).isNull();
        assertThat(InputRules.password(null, errors)).isNull();
        assertThat(errors.problems()).hasSize(5).extracting(FieldProblem::field).containsOnly("password");
    }

    @Test
    void displayTextIsTrimmedUnicodeCountedInCodePoints() {
        FieldErrors errors = new FieldErrors();
        assertThat(InputRules.displayText("nickname", "  小红 🧧  ", 32, errors)).isEqualTo("小红 🧧");
        assertThat(InputRules.displayText("nickname", "🧧".repeat(32), 32, errors)).as("32 emoji are 64 chars")
                .isNotNull();
        assertThat(InputRules.displayText("nickname", "👨‍👩‍👧", 32, errors)).as("zero-width joiners are fine")
                .isNotNull();
        assertThat(errors.isEmpty()).isTrue();

        assertThat(InputRules.displayText("nickname", "🧧".repeat(33), 32, errors)).isNull();
        assertThat(InputRules.displayText("nickname", "   ", 32, errors)).isNull();
        assertThat(InputRules.displayText("nickname", "line\nbreak", 32, errors)).isNull();
        assertThat(InputRules.displayText("nickname", "bell\u0007", 32, errors)).isNull();
        assertThat(InputRules.displayText("nickname", "evil\u202Etxt.exe", 32, errors)).isNull();
        assertThat(InputRules.displayText("nickname", "broken\uD83E", 32, errors)).isNull();
        assertThat(InputRules.displayText("nickname", "\uDDE7alone", 32, errors)).isNull();
        assertThat(InputRules.displayText("nickname", null, 32, errors)).isNull();
        assertThat(errors.problems()).hasSize(8).extracting(FieldProblem::field).containsOnly("nickname");
    }

    @Test
    void userIdsArePositiveSixtyFourBitDecimals() {
        FieldErrors errors = new FieldErrors();
        assertThat(InputRules.userId("userId", "42", errors)).isEqualTo(42L);
        assertThat(InputRules.userId("userId", "9223372036854775807", errors)).isEqualTo(Long.MAX_VALUE);
        assertThat(errors.isEmpty()).isTrue();
        for (String bad : new String[]{"0", "-1", "01", "9223372036854775808", "12a", " 1", "", null}) {
            assertThat(InputRules.userId("userId", bad, errors)).as(bad).isNull();
        }
        assertThat(errors.problems()).hasSize(8);
    }

    @Test
    void allProblemsOfARequestAreReportedTogether() {
        FieldErrors errors = new FieldErrors();
        InputRules.username("x", errors);
        InputRules.password("y", errors);
        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("username", "password");
            assertThat(e.getMessage()).doesNotContain("y\"");
        });
        new FieldErrors().throwIfAny();
    }
}
