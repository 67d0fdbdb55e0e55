package com.redpacket.payment.wechat;

/**
 * WeChat Pay could not be reached, refused the call, or answered something we cannot trust (a signature that does
 * not verify). Nothing was learnt: callers answer 503 or try again later, and never treat it as a payment.
 */
public class WechatPayUnavailable extends RuntimeException {
    public WechatPayUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
