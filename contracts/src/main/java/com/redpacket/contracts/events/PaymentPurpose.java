package com.redpacket.contracts.events;

/** What a WeChat Pay order pays for; the order's reference id is the packet id or the top-up id. */
public enum PaymentPurpose {
    PACKET,
    TOPUP
}
