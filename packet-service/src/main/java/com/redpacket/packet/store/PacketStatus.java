package com.redpacket.packet.store;

public enum PacketStatus {
    PENDING_PAYMENT, ACTIVE, FINISHED, EXPIRED, CANCELLED
}
