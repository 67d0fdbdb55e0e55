package com.redpacket.wechatpay.emulator;

import com.wechat.pay.java.core.auth.WechatPay2Credential;
import com.wechat.pay.java.core.auth.WechatPay2Validator;
import com.wechat.pay.java.core.cipher.RSASigner;
import com.wechat.pay.java.core.cipher.RSAVerifier;
import com.wechat.pay.java.core.http.HttpHeaders;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RSAPublicKeyNotificationConfig;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import static com.redpacket.wechatpay.emulator.Fixtures.KEYS;
import static com.redpacket.wechatpay.emulator.Fixtures.PROPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulator and the real wechatpay-java SDK agree on every signature and on the notification cipher. */
class SdkCompatibilityTest {
    private static final String URL = "/v3/pay/transactions/native";
    private static final String BODY = "{\"appid\":\"" + KEYS.appid() + "\",\"description\":\"红包\"}";

    private final RequestVerifier verifier = new RequestVerifier(KEYS, PROPS);
    private final Faults faults = new Faults();
    private final PlatformSigner signer = new PlatformSigner(KEYS, faults);

    @Test
    void aRequestSignedByTheSdkVerifies() {
        ApiV3Authorization auth = verifier.verify("POST", URL, sdkAuthorization("POST", URL, BODY), KEYS.publicKeyId(), BODY);
        assertThat(auth.mchid()).isEqualTo(KEYS.mchid());
    }

    @Test
    void anyChangeToASignedRequestIsRefused() {
        String authorization = sdkAuthorization("POST", URL, BODY);
        assertRefused(() -> verifier.verify("POST", URL, authorization, null, BODY + " "), 401);
        assertRefused(() -> verifier.verify("POST", URL + "?x=1", authorization, null, BODY), 401);
        assertRefused(() -> verifier.verify("GET", URL, authorization, null, BODY), 401);
        assertRefused(() -> verifier.verify("POST", URL, null, null, BODY), 401);
        assertRefused(() -> verifier.verify("POST", URL, authorization, "PUB_KEY_ID_OTHER", BODY), 400);
        String otherSerial = authorization.replace(KEYS.merchantSerialNumber(), "0000000000000000000000000000000000000000");
        assertRefused(() -> verifier.verify("POST", URL, otherSerial, null, BODY), 401);
    }

    @Test
    void aRequestSignedTenMinutesAgoIsRefused() {
        String timestamp = Long.toString(Instant.now().minusSeconds(600).getEpochSecond());
        String message = "POST\n" + URL + "\n" + timestamp + "\nnonce\n" + BODY + "\n";
        String authorization = ApiV3Authorization.SCHEMA + " mchid=\"" + KEYS.mchid() + "\",nonce_str=\"nonce\",timestamp=\""
                + timestamp + "\",serial_no=\"" + KEYS.merchantSerialNumber() + "\",signature=\""
                + Rsa.sign(Fixtures.merchantPrivateKey(), message) + "\"";
        assertRefused(() -> verifier.verify("POST", URL, authorization, null, BODY), 401);
    }

    @Test
    void answersSignedByTheEmulatorSatisfyTheSdkUnlessATestOrderedOtherwise() {
        WechatPay2Validator validator = new WechatPay2Validator(
                new RSAVerifier(Fixtures.platformPublicKey(), KEYS.publicKeyId()));
        String answer = "{\"code_url\":\"weixin://wxpay/bizpayurl?pr=abc\"}";
        assertThat(validator.validate(new HttpHeaders(signer.responseHeaders(answer, URL)), answer)).isTrue();
        assertThat(validator.validate(new HttpHeaders(signer.responseHeaders("", URL)), "")).isTrue();

        faults.signNextResponsesWrongly(1, "P000123");
        assertThat(validator.validate(new HttpHeaders(signer.responseHeaders(answer, URL)), answer)).isTrue();
        assertThat(validator.validate(new HttpHeaders(signer.responseHeaders(answer, URL + "/P000123")), answer)).isFalse();
        assertThat(validator.validate(new HttpHeaders(signer.responseHeaders(answer, URL + "/P000123")), answer)).isTrue();
    }

    @Test
    void notificationsDecryptAndVerifyWithTheSdksParser() {
        NotificationSealer sealer = new NotificationSealer(KEYS, JsonMapper.builder().build());
        Wire.Transaction paid = new Wire.Transaction(KEYS.appid(), KEYS.mchid(), "P0000000000000000042",
                "4200000000202601010000000001", "NATIVE", "SUCCESS", "支付成功", "OTHERS", "", "2026-01-01T10:00:00+08:00",
                new Wire.Payer("oPayer"), new Wire.TransactionAmount(1234L, 1234L, "CNY", "CNY"));
        NotificationSealer.Sealed sealed = sealer.seal("TRANSACTION.SUCCESS", "支付成功", "transaction", paid);
        Map<String, String> headers = signer.notificationHeaders(sealed.body());

        NotificationParser parser = new NotificationParser(new RSAPublicKeyNotificationConfig.Builder()
                .publicKey(Fixtures.platformPublicKey()).publicKeyId(KEYS.publicKeyId())
                .apiV3Key(new String(KEYS.apiV3Key(), java.nio.charset.StandardCharsets.UTF_8)).build());
        Transaction parsed = parser.parse(new RequestParam.Builder().serialNumber(headers.get("Wechatpay-Serial"))
                .signature(headers.get("Wechatpay-Signature")).timestamp(headers.get("Wechatpay-Timestamp"))
                .nonce(headers.get("Wechatpay-Nonce")).signType(headers.get("Wechatpay-Signature-Type"))
                .body(sealed.body()).build(), Transaction.class);

        assertThat(parsed.getOutTradeNo()).isEqualTo("P0000000000000000042");
        assertThat(parsed.getTransactionId()).isEqualTo("4200000000202601010000000001");
        assertThat(parsed.getAmount().getTotal()).isEqualTo(1234);
        assertThat(parsed.getTradeState().name()).isEqualTo("SUCCESS");
        assertThat(parsed.getPayer().getOpenid()).isEqualTo("oPayer");
    }

    private static String sdkAuthorization(String method, String url, String body) {
        WechatPay2Credential credential = new WechatPay2Credential(KEYS.mchid(),
                new RSASigner(KEYS.merchantSerialNumber(), Fixtures.merchantPrivateKey()));
        return credential.getAuthorization(URI.create("https://api.mch.weixin.qq.com" + url), method, body);
    }

    private static void assertRefused(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(WechatPayError.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }
}
