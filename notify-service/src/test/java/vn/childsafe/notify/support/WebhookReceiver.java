package vn.childsafe.notify.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import vn.childsafe.commons.signing.WebhookSignature;

/**
 * A unit's webhook endpoint for tests: a real HTTP server on 127.0.0.1 and a free port that records every request
 * under {@code /hooks/<agencyCode>} and answers with a status that a test may change per agency (e.g. 503 for the
 * first attempts).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as the unit received it. */
    public record Received(
            String agencyCode,
            String method,
            Map<String, String> headers,
            String body,
            Instant receivedAt,
            int answeredWith) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** Whether {@code secret} signed this request (Standard Webhooks, 5 minutes' tolerance). */
        public boolean signedBy(String secret) {
            return WebhookSignature.verify(
                    secret,
                    header("webhook-id"),
                    header("webhook-timestamp"),
                    body,
                    header("webhook-signature"),
                    Instant.now(),
                    Duration.ofMinutes(5));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, Integer> failureStatus = new ConcurrentHashMap<>();

    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final Map<String, Long> delaysMillis = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/hooks/", receiver::handle);
            server.setExecutor(receiver.executor);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("Test webhook receiver could not start", e);
        }
    }

    /** The URL to register as {@code agencyCode}'s webhook. */
    public String urlFor(String agencyCode) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + agencyCode;
    }

    /** Answers the next {@code count} requests for {@code agencyCode} with {@code status}, then 200 again. */
    public void failNext(String agencyCode, int count, int status) {
        failureStatus.put(agencyCode, status);
        failuresLeft.put(agencyCode, new AtomicInteger(count));
    }

    /** Answers every request for {@code agencyCode} with {@code 302 Location: location}. */
    public void redirect(String agencyCode, String location) {
        redirects.put(agencyCode, location);
    }

    /** Waits {@code millis} before answering each request for {@code agencyCode} (a slow unit endpoint). */
    public void delay(String agencyCode, long millis) {
        delaysMillis.put(agencyCode, millis);
    }

    /** Requests received for {@code agencyCode}, in arrival order. */
    public List<Received> requestsFor(String agencyCode) {
        List<Received> result = new ArrayList<>();
        for (Received r : received) {
            if (r.agencyCode().equals(agencyCode)) {
                result.add(r);
            }
        }
        return result;
    }

    /** Requests for {@code agencyCode} whose body mentions {@code text} (e.g. a case id). */
    public List<Received> requestsFor(String agencyCode, String text) {
        return requestsFor(agencyCode).stream()
                .filter(r -> r.body().contains(text))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String agencyCode = exchange.getRequestURI().getPath().substring("/hooks/".length());
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            Long delay = delaysMillis.get(agencyCode);
            if (delay != null) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            AtomicInteger left = failuresLeft.get(agencyCode);
            int status = left != null && left.getAndDecrement() > 0 ? failureStatus.get(agencyCode) : 200;
            String location = redirects.get(agencyCode);
            if (location != null) {
                status = 302;
                exchange.getResponseHeaders().add("Location", location);
            }
            received.add(new Received(
                    agencyCode, exchange.getRequestMethod(), Map.copyOf(headers), body, Instant.now(), status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
