package com.redpacket.payment.wechat;

/** How the payer pays: a QR code (NATIVE), the WeChat app (APP), or inside WeChat, e.g. a mini program (JSAPI). */
public enum TradeType {
    NATIVE,
    APP,
    JSAPI
}
