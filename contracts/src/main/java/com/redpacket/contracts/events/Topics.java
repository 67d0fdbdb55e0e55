package com.redpacket.contracts.events;

/** Kafka topics, one per owning service. Dead letters go to {@code <topic>.DLT}. */
public final class Topics {
    public static final String PACKET_EVENTS = "packet.events";
    public static final String PAYMENT_EVENTS = "payment.events";
    public static final String SETTLEMENT_EVENTS = "settlement.events";
    public static final String USER_EVENTS = "user.events";
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }
}
