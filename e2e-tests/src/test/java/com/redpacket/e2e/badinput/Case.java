package com.redpacket.e2e.badinput;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request of the corpus: the public endpoint it aims at (as API.md names it), its category, what exactly is
 * wrong with it, and what must come back. {@code REJECT}: a 4xx (never a 2xx, never a 5xx) that changes nothing.
 * {@code EITHER}: odd but arguably valid (an emoji greeting, a number where a string is expected, which JSON
 * coerces): any answer but a 5xx; if accepted, the value must come back exactly as sent ({@code echoField}).
 * {@code HARMLESS}: any answer but a 5xx, and nothing may change whatever the answer (a login, a WeChat Pay
 * notification that reports no payment).
 */
record Case(String endpoint, String category, String name, String method, String path, Map<String, String> headers,
            byte[] body, boolean chunked, Expect expect, String echoField, String echoValue) {

    enum Expect { REJECT, EITHER, HARMLESS }

    static Case of(String endpoint, String category, String name, String method, String path,
                   Map<String, String> headers, String body, Expect expect) {
        return new Case(endpoint, category, name, method, path, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), false, expect, null, null);
    }

    Case bytes(byte[] raw) {
        return new Case(endpoint, category, name, method, path, headers, raw, chunked, expect, echoField, echoValue);
    }

    Case withoutLength() {
        return new Case(endpoint, category, name, method, path, headers, body, true, expect, echoField, echoValue);
    }

    Case echo(String field, String value) {
        return new Case(endpoint, category, name, method, path, headers, body, chunked, expect, field, value);
    }

    /** The same request with one more (or one replaced) header. */
    Case header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        if (value == null) {
            more.remove(name);
        } else {
            more.put(name, value);
        }
        return new Case(endpoint, category, this.name, method, path, more, body, chunked, expect, echoField, echoValue);
    }
}
