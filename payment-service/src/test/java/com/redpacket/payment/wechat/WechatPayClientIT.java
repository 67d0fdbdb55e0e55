package com.redpacket.payment.wechat;

import com.redpacket.payment.AbstractPaymentIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;

import static com.redpacket.payment.SignedNotifications.KEYS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real SDK's query and close calls against the emulator, and what happens when an answer's signature does not
 * verify. Payments here are made without a notification ({@code duplicates=0}), so only the query can tell.
 */
class WechatPayClientIT extends AbstractPaymentIT {
    @Autowired
    WechatPayClient client;

    @Test
    void queryReportsWhatWechatPayHolds() {
        String otn = openOrder("PACKET", newReferenceId(), 5, 1888, "NATIVE").get("outTradeNo").asString();

        ReportedTransaction unpaid = client.query(otn).orElseThrow();
        assertThat(unpaid.tradeState()).isEqualTo("NOTPAY");
        assertThat(unpaid.paid()).isFalse();
        assertThat(unpaid.amount()).isEqualTo(1888);

        JsonNode payment = emulatorPay(otn, "?duplicates=0");
        ReportedTransaction paid = client.query(otn).orElseThrow();
        assertThat(paid.paid()).isTrue();
        assertThat(paid.transactionId()).isEqualTo(payment.get("transactionId").asString());
        assertThat(paid.mchid()).isEqualTo(KEYS.mchid());
        assertThat(paid.appid()).isEqualTo(KEYS.appid());
        assertThat(paid.successTime()).isNotNull();
        assertThat(paid.tradeType()).isEqualTo("NATIVE");
    }

    @Test
    void anOrderWechatPayNeverSawIsEmpty() {
        assertThat(client.query("Q" + newReferenceId())).isEqualTo(Optional.empty());
    }

    @Test
    void closeMakesAnOrderUnpayableAndAPaidOrderCannotBeClosed() {
        String open = openOrder("PACKET", newReferenceId(), 5, 100, "APP").get("outTradeNo").asString();
        assertThat(client.close(open)).isEqualTo(WechatPayClient.CloseResult.CLOSED);
        assertThat(EMULATOR_HTTP.get("/emulator/transactions/" + open, Map.of()).json().get("tradeState").asString())
                .isEqualTo("CLOSED");
        assertThat(EMULATOR_HTTP.post("/emulator/transactions/" + open + "/pay", null, Map.of()).status()).isEqualTo(409);

        String paid = openOrder("PACKET", newReferenceId(), 5, 100, "APP").get("outTradeNo").asString();
        emulatorPay(paid, "?duplicates=0");
        assertThat(client.close(paid)).isEqualTo(WechatPayClient.CloseResult.ALREADY_PAID);
    }

    @Test
    void anAnswerWhoseSignatureDoesNotVerifyIsNeverBelieved() {
        String paid = openOrder("PACKET", newReferenceId(), 5, 100, "NATIVE").get("outTradeNo").asString();
        emulatorPay(paid, "?duplicates=0");
        EMULATOR_HTTP.post("/emulator/faults/bad-signature?count=1&mentioning=" + paid, null, Map.of());
        assertThatThrownBy(() -> client.query(paid)).isInstanceOf(WechatPayUnavailable.class)
                .hasMessageContaining("signature does not verify");
        assertThat(client.query(paid).orElseThrow().paid()).isTrue();

        // close answers 204 with an empty body: the signature over the empty body is checked all the same
        String unpaid = openOrder("PACKET", newReferenceId(), 5, 100, "NATIVE").get("outTradeNo").asString();
        EMULATOR_HTTP.post("/emulator/faults/bad-signature?count=1&mentioning=" + unpaid, null, Map.of());
        assertThatThrownBy(() -> client.close(unpaid)).isInstanceOf(WechatPayUnavailable.class);
        assertThat(client.close(unpaid)).isEqualTo(WechatPayClient.CloseResult.CLOSED);
    }

    @Test
    void anUnreachableWechatPayIsUnavailableNotAnAnswer() {
        WechatPayProperties props = new WechatPayProperties(java.net.URI.create("http://localhost:1"), null, null, null,
                null, null, null, null, null, null, null, null, java.time.Duration.ofSeconds(1), null);
        WechatPayConfiguration config = new WechatPayConfiguration();
        MerchantCredentials credentials = config.merchantCredentials(props);
        var sdkConfig = config.wechatPayConfig(credentials);
        WechatPayClient unreachable = config.wechatPayClient(credentials, props, sdkConfig,
                config.wechatPayHttpClient(sdkConfig, props));

        assertThatThrownBy(() -> unreachable.query("P0000000000000000001")).isInstanceOf(WechatPayUnavailable.class)
                .hasMessageContaining("unreachable");
    }
}
