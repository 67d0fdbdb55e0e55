package com.redpacket.gateway.security;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * The header names and values Spring Security's {@link StrictServerWebExchangeFirewall} allows by default, decided
 * without its regular expressions: a name is any run of assigned, non-control code points
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}), a value the same or a tab. The firewall checks every header the
 * gateway reads, each time it reads it; in a grab storm the expressions were ~5 % of the gateway's CPU (FINDINGS.md).
 * HeaderTextTest holds both to the expressions for every code point. Null is allowed, as there.
 */
final class HeaderText {
    private HeaderText() {
    }

    static boolean isName(String name) {
        return allowed(name, false);
    }

    static boolean isValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tab) {
        if (text == null) {
            return true;
        }
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && cp == '\t'))) {
                return false;
            }
        }
        return true;
    }
}
