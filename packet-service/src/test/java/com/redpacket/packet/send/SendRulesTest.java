package com.redpacket.packet.send;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.packet.PacketProperties;
import com.redpacket.packet.store.PacketType;
import com.redpacket.packet.store.PayChannel;
import com.redpacket.platform.web.ApiException;
import com.redpacket.platform.web.FieldProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SendRulesTest {
    private static final long SENDER = 7;
    private final SendRules rules = new SendRules(new PacketProperties(null, null, null, null, null, null, null, null,
            null, null, null));

    @Test
    void aLuckyPacketKeepsItsFieldsAndGetsTheDefaultGreeting() {
        ValidSend send = rules.validate(SENDER, new SendPacketRequest("GROUP_LUCKY", 3, 300L, null, "  ", "42", null,
                "BALANCE", null, null));
        assertThat(send.type()).isEqualTo(PacketType.GROUP_LUCKY);
        assertThat(send.count()).isEqualTo(3);
        assertThat(send.totalAmount()).isEqualTo(300);
        assertThat(send.groupId()).isEqualTo(42);
        assertThat(send.greeting()).isEqualTo("恭喜发财，大吉大利");
        assertThat(send.payChannel()).isEqualTo(PayChannel.BALANCE);
        assertThat(send.wechatChannel()).isNull();
    }

    @Test
    void anEqualPacketsTotalIsEachTimesCountAndASingleOneHasOneShare() {
        ValidSend equal = rules.validate(SENDER, new SendPacketRequest("GROUP_EQUAL", 4, null, 250L, null, "42", null,
                "WECHAT", null, null));
        assertThat(equal.totalAmount()).isEqualTo(1_000);
        assertThat(equal.amountEach()).isEqualTo(250);
        assertThat(equal.wechatChannel()).as("the default order type").isEqualTo("NATIVE");
        ValidSend single = rules.validate(SENDER, new SendPacketRequest("SINGLE", null, 20_000L, null, "生日快乐", null,
                "8", "BALANCE", null, null));
        assertThat(single.count()).isEqualTo(1);
        assertThat(single.receiverId()).isEqualTo(8);
    }

    @Test
    void everyProblemOfOneRequestIsReportedAtOnce() {
        ApiException e = catchThrowableOfType(ApiException.class, () -> rules.validate(SENDER,
                new SendPacketRequest("GROUP_LUCKY", 0, null, 5L, "x".repeat(26), null, "9", "BITCOIN", "H5", null)));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.errors()).extracting(FieldProblem::field).containsExactlyInAnyOrder("count", "totalAmount",
                "amountEach", "greeting", "groupId", "receiverId", "payChannel", "wechatChannel");
    }

    @Test
    void theLuckyTotalMustFitTheShareLimitsForItsCount() {
        assertThat(fields(new SendPacketRequest("GROUP_LUCKY", 100, 99L, null, null, "1", null, "BALANCE", null, null)))
                .containsExactly("totalAmount");
        assertThat(fields(new SendPacketRequest("GROUP_LUCKY", 2, 40_001L, null, null, "1", null, "BALANCE", null,
                null))).containsExactly("totalAmount");
        assertThat(rules.validate(SENDER, new SendPacketRequest("GROUP_LUCKY", 2, 40_000L, null, null, "1", null,
                "BALANCE", null, null)).totalAmount()).isEqualTo(40_000);
    }

    @Test
    void audienceFieldsFollowTheType() {
        assertThat(fields(new SendPacketRequest("SINGLE", 1, 10L, null, null, null, "7", "BALANCE", null, null)))
                .as("not to oneself").containsExactly("receiverId");
        assertThat(fields(new SendPacketRequest("EXCLUSIVE", 1, 10L, null, null, null, "8", "BALANCE", null, null)))
                .containsExactly("groupId");
        assertThat(fields(new SendPacketRequest("SINGLE", 1, 10L, null, null, "3", "8", "BALANCE", null, null)))
                .containsExactly("groupId");
        assertThat(fields(new SendPacketRequest("GROUP_EQUAL", 2, null, 10L, null, "03", null, "BALANCE", null, null)))
                .as("ids are canonical decimal strings").containsExactly("groupId");
    }

    @Test
    void jsapiNeedsThePayersOpenId() {
        assertThat(fields(new SendPacketRequest("SINGLE", 1, 10L, null, null, null, "8", "WECHAT", "JSAPI", null)))
                .containsExactly("payerOpenId");
        assertThat(rules.validate(SENDER, new SendPacketRequest("SINGLE", 1, 10L, null, null, null, "8", "WECHAT",
                "JSAPI", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o")).payerOpenId()).startsWith("oUpF8");
        assertThat(fields(new SendPacketRequest("SINGLE", 1, 10L, null, null, null, "8", "BALANCE", null, "o1")))
                .containsExactly("payerOpenId");
    }

    private List<String> fields(SendPacketRequest request) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> rules.validate(SENDER, request));
        assertThat(e).as("expected a validation failure").isNotNull();
        return e.errors().stream().map(FieldProblem::field).toList();
    }
}
