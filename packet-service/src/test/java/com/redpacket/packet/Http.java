package com.redpacket.packet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** Raw HTTP to the service under test, as the gateway (X-User-Id) or grab-service would call it. */
public final class Http {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final int port;

    Http(int port) {
        this.port = port;
    }

    public record Answer(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String code() {
            return json().path("code").asString();
        }
    }

    public Answer get(String path, Long userId) {
        return send("GET", path, userId, null, Map.of());
    }

    public Answer post(String path, Long userId, Object body) {
        return send("POST", path, userId, body, Map.of());
    }

    public Answer post(String path, Long userId, Object body, Map<String, String> headers) {
        return send("POST", path, userId, body, headers);
    }

    public Answer send(String method, String path, Long userId, Object body, Map<String, String> extra) {
        String payload = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(payload));
        Map<String, String> headers = new LinkedHashMap<>(extra);
        if (payload != null) {
            headers.putIfAbsent("Content-Type", "application/json");
        }
        if (userId != null) {
            headers.put("X-User-Id", Long.toString(userId));
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
