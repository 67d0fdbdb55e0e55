package com.redpacket.grab.slots;

/**
 * A user's value in a packet's grabbers hash: {@code P<seq>} while the claim of that slot is pending,
 * {@code C<seq>:<amount>} once packet-service confirmed it.
 */
public record Entry(boolean confirmed, int seq, long amount) {

    public static Entry parse(String value) {
        if (value.charAt(0) == 'C') {
            int colon = value.indexOf(':');
            return new Entry(true, Integer.parseInt(value.substring(1, colon)), Long.parseLong(value.substring(colon + 1)));
        }
        return new Entry(false, Integer.parseInt(value.substring(1)), 0);
    }

    public static String pending(int seq) {
        return "P" + seq;
    }
}
