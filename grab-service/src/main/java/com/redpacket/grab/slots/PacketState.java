package com.redpacket.grab.slots;

/** The {@code state} field of a packet's meta hash in Redis. */
public final class PacketState {
    /** grabbable: slots are handed out until the expiry time */
    public static final String ARMED = "ARMED";
    /** not paid yet (cached briefly, so a crowd on an unpaid packet does not hammer packet-service) */
    public static final String UNPAID = "UNPAID";
    /** expired or cancelled: no slot any more; who grabbed stays known */
    public static final String CLOSED = "CLOSED";
    /** packet-service does not know this packet (cached briefly) */
    public static final String UNKNOWN = "UNKNOWN";

    private PacketState() {
    }
}
