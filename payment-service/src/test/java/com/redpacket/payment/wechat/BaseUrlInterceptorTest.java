package com.redpacket.payment.wechat;

import com.sun.net.httpserver.HttpServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseUrlInterceptorTest {

    @Test
    void callsAddressedToWechatPayReachTheConfiguredRootWithPathAndQueryIntact() throws IOException {
        AtomicReference<URI> seen = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            seen.set(exchange.getRequestURI());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new BaseUrlInterceptor(
                    URI.create("http://localhost:" + server.getAddress().getPort()))).build();
            try (Response response = client.newCall(new Request.Builder()
                    .url("https://api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/P1?mchid=1900000109")
                    .build()).execute()) {
                assertThat(response.code()).isEqualTo(204);
            }
            assertThat(seen.get().toString()).isEqualTo("/v3/pay/transactions/out-trade-no/P1?mchid=1900000109");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRootWithAPathIsRefusedBecauseThePathIsSigned() {
        assertThatThrownBy(() -> new BaseUrlInterceptor(URI.create("http://localhost:8090/wechat")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(BaseUrlInterceptor.isWechatPay(URI.create("https://api.mch.weixin.qq.com"))).isTrue();
        assertThat(BaseUrlInterceptor.isWechatPay(URI.create("http://localhost:8090"))).isFalse();
    }
}
