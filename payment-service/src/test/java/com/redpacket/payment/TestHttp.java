package com.redpacket.payment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Raw HTTP, to see exactly what a client (or WeChat Pay) sees: status, headers, body bytes. */
public record TestHttp(String baseUrl) {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public record Answer(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Answer get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }

    /** {@code body}: null, a String or byte[] sent as-is, or an object sent as JSON. */
    public Answer post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public Answer send(String method, String path, Object body, Map<String, String> headers) {
        byte[] payload = switch (body) {
            case null -> null;
            case byte[] bytes -> bytes;
            case String s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            default -> JSON.writeValueAsBytes(body);
        };
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        if (payload != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
