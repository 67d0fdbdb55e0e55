package com.redpacket.payment.notify;

import com.redpacket.payment.TransactionRefused;
import com.redpacket.payment.completion.PaymentCompletion;
import com.redpacket.payment.refund.RefundCompletion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/**
 * {@code POST /pay/notify/wechat} (public through the gateway, no JWT: the signature is the credential). 204 with
 * no body once the payment or refund is stored (or was already); otherwise 4xx/5xx with WeChat Pay's own failure
 * body {@code {"code":"FAIL","message":...}} (API.md: not a problem body), so that WeChat Pay tries again.
 */
@RestController
@Tag(name = "WeChat Pay", description = "Notifications from WeChat Pay (APIv3), checked by signature, not by token")
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
    @Operation(summary = "WeChat Pay notification (payments and refunds)", description = "Called by WeChat Pay, not "
            + "by the app: public, no token. Verified (signature with the platform key, timestamp within ±5 minutes, "
            + "known serial), decrypted, checked against the order and stored once; duplicates are acknowledged and "
            + "change nothing. Any failure answers WeChat Pay's own failure body, so that WeChat Pay retries.",
            parameters = {
                    @Parameter(in = ParameterIn.HEADER, name = "Wechatpay-Serial", required = true,
                            description = "Id of the WeChat Pay key that signed", schema = @Schema(type = "string",
                            example = "PUB_KEY_ID_0114232134912410000")),
                    @Parameter(in = ParameterIn.HEADER, name = "Wechatpay-Signature", required = true,
                            description = "Base64 SHA256withRSA over timestamp, nonce and body",
                            schema = @Schema(type = "string")),
                    @Parameter(in = ParameterIn.HEADER, name = "Wechatpay-Timestamp", required = true,
                            description = "Epoch seconds", schema = @Schema(type = "string", example = "1738065600")),
                    @Parameter(in = ParameterIn.HEADER, name = "Wechatpay-Nonce", required = true,
                            schema = @Schema(type = "string", example = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS")),
                    @Parameter(in = ParameterIn.HEADER, name = "Wechatpay-Signature-Type",
                            schema = @Schema(type = "string", example = "WECHATPAY2-SHA256-RSA2048"))})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = WechatPayNotification.class)))
    @ApiResponse(responseCode = "204", description = "Stored, or stored before: WeChat Pay stops sending it",
            content = @Content)
    @ApiResponse(responseCode = "400", description = "Malformed, not decryptable, or not matching its order",
            content = @Content(schema = @Schema(implementation = WechatPayFailure.class)))
    @ApiResponse(responseCode = "401", description = "Bad signature, unknown serial or stale timestamp",
            content = @Content(schema = @Schema(implementation = WechatPayFailure.class)))
    @ApiResponse(responseCode = "404", description = "No such order",
            content = @Content(schema = @Schema(implementation = WechatPayFailure.class)))
    @ApiResponse(responseCode = "500", description = "Could not be stored now; WeChat Pay retries",
            content = @Content(schema = @Schema(implementation = WechatPayFailure.class)))
    ResponseEntity<WechatPayFailure> notify(@Parameter(hidden = true) @RequestHeader HttpHeaders headers,
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
    ResponseEntity<WechatPayFailure> failed(Exception e) {
        log.error("notification could not be processed", e);
        meters.failed();
        return fail(500, "temporarily unable to process the notification");
    }

    private ResponseEntity<WechatPayFailure> refuse(int status, String reason, String message) {
        meters.refused(reason);
        log.warn("notification refused ({}): {}", reason, message);
        return fail(status, message);
    }

    private static ResponseEntity<WechatPayFailure> fail(int status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(WechatPayFailure.of(message));
    }
}
