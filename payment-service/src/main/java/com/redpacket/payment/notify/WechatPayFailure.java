package com.redpacket.payment.notify;

import io.swagger.v3.oas.annotations.media.Schema;

/** WeChat Pay's own failure answer to a notification (API.md: not a problem body): WeChat Pay retries on it. */
@Schema(description = "WeChat Pay's failure body: WeChat Pay sends the notification again later")
record WechatPayFailure(@Schema(allowableValues = "FAIL", example = "FAIL") String code,
                        @Schema(example = "the signature does not verify") String message) {
    static WechatPayFailure of(String message) {
        return new WechatPayFailure("FAIL", message);
    }
}
