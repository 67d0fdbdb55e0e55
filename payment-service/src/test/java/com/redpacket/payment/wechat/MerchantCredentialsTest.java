package com.redpacket.payment.wechat;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MerchantCredentialsTest {

    @Test
    void theKeyFolderIsFoundFromAModuleDirectoryAndExplicitValuesWin() {
        MerchantCredentials fromFolder = MerchantCredentials.load(props("dev/wechatpay", null, null));
        assertThat(fromFolder.merchantId()).isEqualTo("1900000109");
        assertThat(fromFolder.publicKeyId()).startsWith("PUB_KEY_ID_");
        assertThat(fromFolder.merchantPrivateKeyPem()).contains("BEGIN PRIVATE KEY");

        MerchantCredentials overridden = MerchantCredentials.load(props("dev/wechatpay", "1234567890", "-----PEM-----"));
        assertThat(overridden.merchantId()).isEqualTo("1234567890");
        assertThat(overridden.merchantPrivateKeyPem()).isEqualTo("-----PEM-----");
    }

    @Test
    void aMissingValueFailsTheStartNamingTheSettingButNoSecret() {
        assertThatThrownBy(() -> MerchantCredentials.load(props("/nonexistent/keys", null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("redpacket.wechatpay.merchant-id");
    }

    @Test
    void secretsNeverAppearInTextForm() {
        WechatPayProperties props = new WechatPayProperties(null, null, null, "1900000109", "wx1", "SERIAL", "PUB_KEY_ID_1",
                "TOPSECRET-api-v3-key-00000000000", "-----BEGIN PRIVATE KEY-----TOPSECRET", null, null, null, null, null);
        MerchantCredentials credentials = MerchantCredentials.load(props);
        assertThat(props.toString()).doesNotContain("TOPSECRET");
        assertThat(credentials.toString()).doesNotContain("TOPSECRET").contains("1900000109");
    }

    private static WechatPayProperties props(String keyDir, String merchantId, String privateKeyPem) {
        return new WechatPayProperties(URI.create("http://localhost:8090"), null, keyDir, merchantId, null, null, null,
                null, privateKeyPem, null, null, null, Duration.ofSeconds(5), null);
    }
}
