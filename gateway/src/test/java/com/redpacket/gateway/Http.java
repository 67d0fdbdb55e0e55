package com.redpacket.gateway;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Raw HTTP to the gateway: paths are sent exactly as written (no normalisation), headers as given. */
public final class Http {
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper json = JsonMapper.builder().build();
    private final int port;
    private final Map<String, String> headers = new LinkedHashMap<>();

    Http(int port) {
        this.port = port;
    }

    public Http header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Http bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public Http from(String clientAddress) {
        return header("X-Forwarded-For", clientAddress);
    }

    public record Answer(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            return json.readTree(body);
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(",", values);
        }
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, String body) {
        return send("POST", path, body == null ? null : HttpRequest.BodyPublishers.ofString(body));
    }

    /** A body of unknown length: sent chunked, with no Content-Length to refuse it by. */
    public Answer postChunked(String path, String body) {
        return send("POST", path, HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
    }

    public Answer send(String method, String path, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((k, v) -> answerHeaders.put(k.toLowerCase(Locale.ROOT), v));
            return new Answer(response.statusCode(), answerHeaders, response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
