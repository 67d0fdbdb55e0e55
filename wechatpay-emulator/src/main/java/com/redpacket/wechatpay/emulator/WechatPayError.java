package com.redpacket.wechatpay.emulator;

/** An error WeChat Pay answers with: an HTTP status and a body {@code {"code": ..., "message": ...}}. */
public class WechatPayError extends RuntimeException {
    private final int status;
    private final String code;

    public WechatPayError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    static WechatPayError param(String message) {
        return new WechatPayError(400, "PARAM_ERROR", message);
    }

    static WechatPayError signature(String message) {
        return new WechatPayError(401, "SIGN_ERROR", message);
    }

    static WechatPayError orderNotFound() {
        return new WechatPayError(404, "ORDER_NOT_EXIST", "订单不存在");
    }
}
