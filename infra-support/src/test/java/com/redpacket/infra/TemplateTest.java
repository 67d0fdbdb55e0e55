package com.redpacket.infra;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateTest {

    @Test
    void fillsEveryPlaceholderAndLeavesOtherDollarsAlone() {
        String out = Template.render("a=${A}\nb=${B}:${A}\nc=$HOME ${lower}\n", Map.of("A", "1", "B", "x$y\\z"));
        assertThat(out).isEqualTo("a=1\nb=x$y\\z:1\nc=$HOME ${lower}\n");
    }

    @Test
    void namesEveryPlaceholderWithoutAValue() {
        assertThatThrownBy(() -> Template.render("${B} ${A} ${B} ${C}", Map.of("C", "c")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no value for A, B");
    }
}
