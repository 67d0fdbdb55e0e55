package com.redpacket.payment.wechat;

import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.net.URI;

/**
 * The SDK addresses every call to https://api.mch.weixin.qq.com; this sends them to the configured WeChat Pay root
 * instead (the emulator, locally). The path and query stay untouched: they are part of the signed message.
 */
final class BaseUrlInterceptor implements Interceptor {
    static final String WECHAT_PAY_HOST = "api.mch.weixin.qq.com";

    private final HttpUrl base;

    BaseUrlInterceptor(URI baseUrl) {
        HttpUrl parsed = HttpUrl.get(baseUrl.toString());
        if (!parsed.encodedPath().equals("/")) {
            throw new IllegalStateException("redpacket.wechatpay.base-url must be a root URL without a path: " + baseUrl);
        }
        this.base = parsed;
    }

    /** True when the configured root is WeChat Pay itself and nothing needs rewriting. */
    static boolean isWechatPay(URI baseUrl) {
        return WECHAT_PAY_HOST.equals(baseUrl.getHost()) && "https".equals(baseUrl.getScheme());
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!request.url().host().equals(WECHAT_PAY_HOST)) {
            return chain.proceed(request);
        }
        HttpUrl target = request.url().newBuilder().scheme(base.scheme()).host(base.host()).port(base.port()).build();
        return chain.proceed(request.newBuilder().url(target).build());
    }
}
