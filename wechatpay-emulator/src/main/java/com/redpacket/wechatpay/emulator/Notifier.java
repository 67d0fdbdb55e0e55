package com.redpacket.wechatpay.emulator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delivers notifications to the merchant's notify_url and retries them on WeChat Pay's schedule until the merchant
 * answers 200/204. Every attempt is signed afresh (a retry a day later carries a current timestamp); the body,
 * and with it the notification id, stays the same. Attempts are kept for the control API.
 */
@Component
public class Notifier {
    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final int KEPT_ATTEMPTS = 50_000;

    private final PlatformSigner signer;
    private final Background background;
    private final RetrySchedule schedule;
    private final Duration timeout;
    private final HttpClient http;
    private final Deque<Attempt> attempts = new ArrayDeque<>();

    /** One delivery attempt: the merchant's HTTP status, or -1 when it could not be reached. */
    public record Attempt(String notificationId, String eventType, String outTradeNo, int attempt, int status,
                          Instant at) {
    }

    public Notifier(PlatformSigner signer, Background background, EmulatorProperties props) {
        this.signer = signer;
        this.background = background;
        this.schedule = new RetrySchedule(props.notifyRetryScale());
        this.timeout = props.notifyTimeout();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /**
     * Sends a sealed notification to {@code url} after {@code delay}, {@code copies} times over (a
     * test's way to have it delivered twice); each copy retries on its own. With a {@code spread}, each copy leaves at
     * its own random moment up to that much later, as deliveries over a real network do: copies arrive apart, and a
     * notification can overtake one sent before it.
     */
    void deliver(String url, NotificationSealer.Sealed notification, String eventType, String outTradeNo,
                 Duration delay, Duration spread, int copies) {
        for (int i = 0; i < copies; i++) {
            Duration jitter = spread.isZero() ? Duration.ZERO
                    : Duration.ofMillis(ThreadLocalRandom.current().nextLong(spread.toMillis() + 1));
            background.after(delay.plus(jitter),
                    () -> attempt(url, notification.id(), eventType, outTradeNo, notification.body(), 1));
        }
    }

    public synchronized List<Attempt> attempts(String outTradeNo) {
        return attempts.stream().filter(a -> outTradeNo == null || outTradeNo.equals(a.outTradeNo())).toList();
    }

    private void attempt(String url, String notificationId, String eventType, String outTradeNo, String body, int n) {
        int status = post(url, body);
        record(new Attempt(notificationId, eventType, outTradeNo, n, status, Instant.now()));
        if (status == 200 || status == 204) {
            return;
        }
        schedule.waitBeforeRetry(n).ifPresentOrElse(
                wait -> background.after(wait, () -> attempt(url, notificationId, eventType, outTradeNo, body, n + 1)),
                () -> log.warn("gave up notifying {} {} after {} attempts", eventType, outTradeNo, n));
    }

    private int post(String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        signer.notificationHeaders(body).forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            log.info("notification to {} failed: {}", url, e.toString());
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private synchronized void record(Attempt attempt) {
        attempts.addLast(attempt);
        if (attempts.size() > KEPT_ATTEMPTS) {
            attempts.removeFirst();
        }
    }
}
