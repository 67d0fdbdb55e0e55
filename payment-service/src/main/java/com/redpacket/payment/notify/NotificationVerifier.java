package com.redpacket.payment.notify;

import com.redpacket.payment.wechat.MerchantCredentials;
import com.redpacket.payment.wechat.SdkModels;
import com.redpacket.payment.wechat.WechatPayProperties;
import com.wechat.pay.java.core.exception.DecryptionException;
import com.wechat.pay.java.core.exception.ValidationException;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Decides whether a notification really comes from WeChat Pay, over the exact bytes received. The SDK's
 * {@link NotificationParser} checks the signature (WeChat Pay public key) and decrypts the AES-256-GCM resource
 * (APIv3 key); before it, what the SDK does not check: the key id in Wechatpay-Serial must be the one we know, and
 * Wechatpay-Timestamp must be within {@code redpacket.wechatpay.notify-max-skew} of now, so an old notification
 * replayed later is refused.
 */
@Component
public class NotificationVerifier {
    private static final String PAYMENT_EVENT = "TRANSACTION.SUCCESS";

    private final NotificationParser parser;
    private final MerchantCredentials merchant;
    private final Duration maxSkew;
    private final JsonMapper json = JsonMapper.builder().build();

    public NotificationVerifier(NotificationParser parser, MerchantCredentials merchant, WechatPayProperties props) {
        this.parser = parser;
        this.merchant = merchant;
        this.maxSkew = props.notifyMaxSkew();
    }

    VerifiedNotification verify(HttpHeaders headers, byte[] rawBody) {
        String serial = required(headers, "Wechatpay-Serial");
        String signature = required(headers, "Wechatpay-Signature");
        String timestamp = required(headers, "Wechatpay-Timestamp");
        String nonce = required(headers, "Wechatpay-Nonce");
        if (!merchant.publicKeyId().equals(serial)) {
            throw new NotificationRejected(401, "serial", "Wechatpay-Serial names a key we do not know");
        }
        requireFresh(timestamp);
        String body = new String(rawBody, StandardCharsets.UTF_8);
        String eventType = eventType(body);
        RequestParam param = new RequestParam.Builder().serialNumber(serial).signature(signature).timestamp(timestamp)
                .nonce(nonce).signType(headers.getFirst("Wechatpay-Signature-Type")).body(body).build();
        try {
            if (eventType.equals(PAYMENT_EVENT)) {
                return new VerifiedNotification(eventType, SdkModels.transaction(parser.parse(param, Transaction.class)),
                        null);
            }
            if (eventType.startsWith("REFUND.")) {
                return new VerifiedNotification(eventType, null,
                        SdkModels.refund(parser.parse(param, RefundNotification.class)));
            }
            parser.parse(param, Map.class);
            return new VerifiedNotification(eventType, null, null);
        } catch (ValidationException e) {
            throw new NotificationRejected(401, "signature", "the signature does not verify");
        } catch (DecryptionException e) {
            throw new NotificationRejected(400, "decryption", "the resource does not decrypt");
        } catch (RuntimeException e) {
            // the SDK's MalformedMessageException, or Gson's own exceptions for a plaintext that is not the model
            throw new NotificationRejected(400, "malformed", "the resource is malformed");
        }
    }

    private void requireFresh(String timestamp) {
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new NotificationRejected(400, "timestamp", "Wechatpay-Timestamp is not a time");
        }
        if (Duration.between(sent, Instant.now()).abs().compareTo(maxSkew) > 0) {
            throw new NotificationRejected(401, "timestamp", "Wechatpay-Timestamp is more than " + maxSkew.toMinutes()
                    + " minutes from now");
        }
    }

    /**
     * The event type, read before the signature is checked only to choose what to decrypt into; the signature
     * covers it. The SDK assumes the resource's fields are there, so their presence is checked here.
     */
    private String eventType(String body) {
        try {
            JsonNode root = json.readTree(body);
            JsonNode resource = root.path("resource");
            boolean complete = root.path("event_type").isString() && resource.path("ciphertext").isString()
                    && resource.path("nonce").isString() && resource.path("associated_data").isString()
                    && resource.path("algorithm").isString();
            if (complete) {
                return root.path("event_type").asString();
            }
        } catch (JacksonException e) {
            // falls through: not JSON at all
        }
        throw new NotificationRejected(400, "malformed", "the body is not a WeChat Pay notification");
    }

    private static String required(HttpHeaders headers, String name) {
        String value = headers.getFirst(name);
        if (value == null || value.isBlank()) {
            throw new NotificationRejected(400, "malformed", name + " header is missing");
        }
        return value;
    }
}
