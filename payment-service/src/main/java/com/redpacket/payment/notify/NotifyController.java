package com.redpacket.payment.notify;

import com.redpacket.payment.TransactionRefused;
import com.redpacket.payment.completion.PaymentCompletion;
import com.redpacket.payment.refund.RefundCompletion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code POST /pay/notify/wechat} (public through the gateway, no JWT: the signature is the credential). 204 with
 * no body once the payment or refund is stored (or was already); otherwise 4xx/5xx with WeChat Pay's own failure
 * body {@code {"code":"FAIL","message":...}} (API.md: not a problem body), so that WeChat Pay tries again.
 */
@RestController
public class NotifyController {
    private static final Logger log = LoggerFactory.getLogger(NotifyController.class);

    private final NotificationVerifier verifier;
    private final PaymentCompletion payments;
    private final RefundCompletion refunds;
    private final NotificationMeters meters;

    public NotifyController(NotificationVerifier verifier, PaymentCompletion payments, RefundCompletion refunds,
                            NotificationMeters meters) {
        this.verifier = verifier;
        this.payments = payments;
        this.refunds = refunds;
        this.meters = meters;
    }

    @PostMapping("/pay/notify/wechat")
    ResponseEntity<Map<String, String>> notify(@RequestHeader HttpHeaders headers,
                                               @RequestBody(required = false) byte[] body) {
        VerifiedNotification notification;
        try {
            notification = verifier.verify(headers, body == null ? new byte[0] : body);
        } catch (NotificationRejected e) {
            return refuse(e.status(), e.reason(), e.getMessage());
        }
        boolean news = true;
        try {
            if (notification.payment() != null) {
                PaymentCompletion.Outcome outcome = payments.complete(notification.payment(),
                        PaymentCompletion.Source.NOTIFICATION);
                log.debug("payment notification {} for {}: {}", notification.payment().transactionId(),
                        notification.payment().outTradeNo(), outcome);
                news = outcome != PaymentCompletion.Outcome.DUPLICATE;
            } else if (notification.refund() != null) {
                news = refunds.complete(notification.refund());
            } else {
                log.debug("notification {} acknowledged, nothing to do", notification.eventType());
            }
        } catch (TransactionRefused e) {
            return e.reason() == TransactionRefused.Reason.UNKNOWN_ORDER
                    ? refuse(404, "unknown-order", "unknown order")
                    : refuse(400, "mismatch", "the notification does not match the order");
        }
        if (news) {
            meters.accepted();
        } else {
            meters.duplicate();
        }
        return ResponseEntity.noContent().build();
    }

    /** The database or anything else failed: WeChat Pay must come back, and gets its failure body. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> failed(Exception e) {
        log.error("notification could not be processed", e);
        meters.failed();
        return fail(500, "temporarily unable to process the notification");
    }

    private ResponseEntity<Map<String, String>> refuse(int status, String reason, String message) {
        meters.refused(reason);
        log.warn("notification refused ({}): {}", reason, message);
        return fail(status, message);
    }

    private static ResponseEntity<Map<String, String>> fail(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", "FAIL", "message", message));
    }
}
