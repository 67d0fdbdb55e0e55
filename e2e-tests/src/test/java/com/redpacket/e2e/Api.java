package com.redpacket.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The system as a client sees it: raw HTTP to the gateway (or, for tests that must bypass it, to a service), JSON in
 * and out, nothing hidden. Base URLs come from {@code REDPACKET_GATEWAY_URL} (default http://localhost:8080) etc.
 */
public final class Api {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static Api gateway() {
        return new Api(env("REDPACKET_GATEWAY_URL", "http://localhost:8080"));
    }

    public static Api emulator() {
        return new Api(env("REDPACKET_EMULATOR_URL", "http://localhost:8090"));
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public record Answer(int status, Map<String, String> headers, String body) {
        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Answer post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Answer post(String path, String token, Object body, Map<String, String> headers) {
        return send("POST", path, token, body, headers);
    }

    /** {@code body}: null, a String sent as-is (to send malformed JSON), or an object serialised to JSON. */
    public Answer send(String method, String path, String token, Object body, Map<String, String> headers) {
        String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload));
        if (payload != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return exchange(method, path, request);
    }

    /**
     * Exactly these bytes and headers, nothing added: no default Content-Type (a call may have none, or a wrong one),
     * and a body that need not be UTF-8 or JSON at all; {@code chunked}: without a Content-Length. The bad-input
     * corpus sends with this.
     */
    public Answer sendRaw(String method, String path, Map<String, String> headers, byte[] body, boolean chunked) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        headers.forEach(request::header);
        return exchange(method, path, request);
    }

    private Answer exchange(String method, String path, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> responseHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> responseHeaders.put(k.toLowerCase(java.util.Locale.ROOT),
                    String.join(",", v)));
            return new Answer(response.statusCode(), responseHeaders, response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
