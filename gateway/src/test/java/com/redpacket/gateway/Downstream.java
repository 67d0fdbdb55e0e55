package com.redpacket.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Stands in for every service behind the gateway: serves user-service's JWK set at /internal/jwks (or fails, to
 * play user-service being down), closes the connection unanswered for a path ending in /dies-mid-request (a
 * service killed while it handled the call) and answers everything else with what it received (method, path,
 * headers, body).
 */
public final class Downstream {
    private static final JsonMapper json = JsonMapper.builder().build();
    private static Downstream instance;

    private final HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private volatile Supplier<String> jwks = () -> null;

    private Downstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public static synchronized Downstream get() {
        if (instance == null) {
            try {
                instance = new Downstream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What /internal/jwks answers: the JSON, or null for a 503 (user-service down). */
    public void jwks(Supplier<String> answer) {
        this.jwks = answer;
    }

    /** Every path the stub was asked for (never an /internal one from a client, only the gateway's JWK fetches). */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        paths.add(path);
        if (path.endsWith("/dies-mid-request")) {
            // the service is killed after it read the request: the connection closes without an answer
            exchange.getRequestBody().readAllBytes();
            exchange.close();
            return;
        }
        byte[] body;
        int status;
        if (path.equals("/internal/jwks")) {
            String set = jwks.get();
            status = set == null ? 503 : 200;
            body = (set == null ? "{}" : set).getBytes(StandardCharsets.UTF_8);
        } else {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join("|", v)));
            try (InputStream in = exchange.getRequestBody()) {
                body = json.writeValueAsBytes(Map.of("method", exchange.getRequestMethod(), "path", path,
                        "headers", headers, "body", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            status = 200;
            // as the services do (platform RequestLogFilter)
            exchange.getResponseHeaders().set("X-Request-Id", headers.getOrDefault("x-request-id", "none"));
            exchange.getResponseHeaders().set("Server", "Jetty(9.4.1-secret)");
            exchange.getResponseHeaders().set("X-Powered-By", "Servlet/3.1");
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
