package com.redpacket.payment.notify;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of a WeChat Pay APIv3 notification, for the OpenAPI document only: {@link NotifyController} reads the raw
 * bytes, because the signature covers them exactly, and the SDK's {@code NotificationParser} decrypts them.
 */
@Schema(description = "A WeChat Pay APIv3 notification: payment (TRANSACTION.SUCCESS) or refund (REFUND.*); the "
        + "resource is AES-256-GCM encrypted with the merchant's APIv3 key")
record WechatPayNotification(
        @Schema(example = "EV-2018022511223320873") String id,
        @JsonProperty("create_time") @Schema(example = "2025-01-28T20:00:00+08:00") String createTime,
        @JsonProperty("event_type") @Schema(example = "TRANSACTION.SUCCESS") String eventType,
        @JsonProperty("resource_type") @Schema(example = "encrypt-resource") String resourceType,
        @Schema(example = "支付成功") String summary,
        Resource resource) {

    @Schema(name = "WechatPayNotificationResource")
    record Resource(@Schema(example = "AEAD_AES_256_GCM") String algorithm,
                    @Schema(description = "base64") String ciphertext,
                    @JsonProperty("associated_data") @Schema(example = "transaction") String associatedData,
                    @JsonProperty("original_type") @Schema(example = "transaction") String originalType,
                    @Schema(example = "fdasflkja484w") String nonce) {
    }
}
