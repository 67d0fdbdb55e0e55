package com.redpacket.packet.store;

public enum PayChannel {
    /** debited from the sender's wallet at once */
    BALANCE,
    /** paid through a WeChat Pay order; armed when the app confirms, credited when WeChat Pay does */
    WECHAT
}
