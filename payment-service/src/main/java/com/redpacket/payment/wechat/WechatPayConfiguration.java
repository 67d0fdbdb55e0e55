package com.redpacket.payment.wechat;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.service.payments.app.AppServiceExtension;
import com.wechat.pay.java.service.payments.jsapi.JsapiServiceExtension;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.refund.RefundService;
import okhttp3.OkHttpClient;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SDK, configured with the WeChat Pay public key ({@link RSAPublicKeyConfig}: no certificate download, so it
 * starts offline) and an OkHttp client that sends its calls to {@code redpacket.wechatpay.base-url}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WechatPayProperties.class)
public class WechatPayConfiguration {

    @Bean
    MerchantCredentials merchantCredentials(WechatPayProperties props) {
        MerchantCredentials credentials = MerchantCredentials.load(props);
        LoggerFactory.getLogger(WechatPayConfiguration.class).info("WeChat Pay at {} as {}", props.baseUrl(), credentials);
        return credentials;
    }

    @Bean
    RSAPublicKeyConfig wechatPayConfig(MerchantCredentials credentials) {
        return new RSAPublicKeyConfig.Builder()
                .merchantId(credentials.merchantId())
                .privateKey(credentials.merchantPrivateKeyPem())
                .merchantSerialNumber(credentials.merchantSerialNumber())
                .publicKey(credentials.wechatpayPublicKeyPem())
                .publicKeyId(credentials.publicKeyId())
                .apiV3Key(credentials.apiV3Key())
                .build();
    }

    @Bean
    HttpClient wechatPayHttpClient(RSAPublicKeyConfig config, WechatPayProperties props) {
        OkHttpClient.Builder okHttp = new OkHttpClient.Builder()
                .connectTimeout(props.timeout())
                .readTimeout(props.timeout())
                .writeTimeout(props.timeout());
        if (!BaseUrlInterceptor.isWechatPay(props.baseUrl())) {
            okHttp.addInterceptor(new BaseUrlInterceptor(props.baseUrl()));
        }
        return new DefaultHttpClientBuilder().config(config).okHttpClient(okHttp.build()).build();
    }

    @Bean
    WechatPayClient wechatPayClient(MerchantCredentials credentials, WechatPayProperties props, RSAPublicKeyConfig config,
                                    HttpClient http) {
        return new WechatPayClient(credentials, props.notifyUrl(),
                new NativePayService.Builder().httpClient(http).build(),
                new AppServiceExtension.Builder().config(config).httpClient(http).build(),
                new JsapiServiceExtension.Builder().config(config).httpClient(http).build(),
                new RefundService.Builder().httpClient(http).build());
    }

    /** Verifies notification signatures with the WeChat Pay public key and decrypts their resources (APIv3 key). */
    @Bean
    NotificationParser notificationParser(RSAPublicKeyConfig config) {
        return new NotificationParser(config);
    }
}
