package com.redpacket.wechatpay.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Authorization} header of an APIv3 request:
 * {@code WECHATPAY2-SHA256-RSA2048 mchid="..",nonce_str="..",signature="..",timestamp="..",serial_no=".."}.
 */
record ApiV3Authorization(String mchid, String nonceStr, String timestamp, String serialNo, String signature) {
    static final String SCHEMA = "WECHATPAY2-SHA256-RSA2048";
    private static final Pattern PARAM = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");

    static ApiV3Authorization parse(String header) {
        if (header == null || !header.startsWith(SCHEMA + " ")) {
            throw WechatPayError.signature("Authorization must use the " + SCHEMA + " schema");
        }
        Map<String, String> params = new HashMap<>();
        Matcher m = PARAM.matcher(header.substring(SCHEMA.length() + 1));
        while (m.find()) {
            params.put(m.group(1), m.group(2));
        }
        for (String name : new String[]{"mchid", "nonce_str", "timestamp", "serial_no", "signature"}) {
            if (params.get(name) == null || params.get(name).isEmpty()) {
                throw WechatPayError.signature("Authorization lacks " + name);
            }
        }
        return new ApiV3Authorization(params.get("mchid"), params.get("nonce_str"), params.get("timestamp"),
                params.get("serial_no"), params.get("signature"));
    }

    /** The message the merchant signed: method, canonical URL, timestamp, nonce and body, each ending in \n. */
    String message(String method, String canonicalUrl, String body) {
        return method + "\n" + canonicalUrl + "\n" + timestamp + "\n" + nonceStr + "\n" + body + "\n";
    }
}
