package com.redpacket.wechatpay.emulator;

import java.security.SecureRandom;

/** Random strings of WeChat Pay's alphabet, for nonces and ids. */
final class Nonces {
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Nonces() {
    }

    static String alphanumeric(int length) {
        return from(ALPHANUMERIC, length);
    }

    static String digits(int length) {
        return from("0123456789", length);
    }

    private static String from(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
