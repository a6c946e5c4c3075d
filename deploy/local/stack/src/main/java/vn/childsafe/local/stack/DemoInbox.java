package vn.childsafe.local.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.childsafe.commons.signing.WebhookSignature;

/**
 * A demo "unit inbox" standing in for the responsible units' systems: receives alert webhooks at
 * {@code POST /hooks/{agencyCode}}, verifies their Standard Webhooks signature with that agency's secret, and lists
 * what arrived at {@code GET /received} (optionally {@code ?caseId=} or {@code ?agencyCode=}).
 */
public final class DemoInbox implements AutoCloseable {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * One webhook as it arrived; {@code traceparent} is its W3C trace context header, {@code null} when tracing is
     * off.
     */
    public record Received(
            String webhookId,
            String agencyCode,
            String eventType,
            String caseId,
            List<String> reportIds,
            boolean signatureValid,
            Instant receivedAt,
            String traceparent) {}

    private final Map<String, String> secrets;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    /**
     * @param port    port on 127.0.0.1
     * @param secrets agency code → webhook signing secret
     */
    public DemoInbox(int port, Map<String, String> secrets) throws IOException {
        this.secrets = Map.copyOf(secrets);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.createContext("/hooks/", this::hook);
        server.createContext("/received", this::list);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What arrived so far. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private void hook(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "");
                return;
            }
            String agency = exchange.getRequestURI().getPath().substring("/hooks/".length());
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst(WebhookSignature.ID_HEADER);
            String secret = secrets.get(agency);
            boolean valid = secret != null
                    && WebhookSignature.verify(
                            secret,
                            id,
                            headers.getFirst(WebhookSignature.TIMESTAMP_HEADER),
                            body,
                            headers.getFirst(WebhookSignature.SIGNATURE_HEADER),
                            Instant.now(),
                            TOLERANCE);
            JsonNode alert = parse(body);
            List<String> reportIds = new ArrayList<>();
            alert.path("reportIds").forEach(r -> reportIds.add(r.asText()));
            received.add(new Received(
                    id,
                    agency,
                    text(alert, "type"),
                    text(alert, "caseId"),
                    reportIds,
                    valid,
                    Instant.now(),
                    headers.getFirst("traceparent")));
            respond(exchange, valid ? 204 : 401, "");
        }
    }

    private void list(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getQuery();
            List<Received> view =
                    received.stream().filter(r -> matches(r, query)).toList();
            exchange.getResponseHeaders().add("content-type", "application/json");
            respond(exchange, 200, JSON.writeValueAsString(view));
        }
    }

    private static boolean matches(Received r, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            String value = kv.length == 2 ? kv[1] : "";
            if (kv[0].equals("caseId") && !value.equals(r.caseId())
                    || kv[0].equals("agencyCode") && !value.equals(r.agencyCode())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
