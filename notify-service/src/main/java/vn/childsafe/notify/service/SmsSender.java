package vn.childsafe.notify.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.notify.config.ChannelConfig;
import vn.childsafe.notify.config.DeliveryConfig;
import vn.childsafe.notify.domain.AlertMessages;
import vn.childsafe.notify.domain.AlertPayload;

/**
 * Sends an alert as an SMS through the configured HTTP gateway: {@code POST <childsafe.notify.sms.gateway-url>}
 * with the API key header and the JSON body
 *
 * <pre>
 * {"to": "+84912345678", "text": "ChildSafe: Vụ việc mới được phân công …", "reference": "msg_…"}
 * </pre>
 *
 * {@code reference} is the delivery's stable id (the same on every retry), so the gateway can de-duplicate. A 2xx
 * answer counts as sent; anything else is retried like a webhook. The gateway is an operator's service configured
 * by ops, so it is not subject to the unit-URL rules, but redirects are still never followed.
 */
@ApplicationScoped
public class SmsSender {

    @Inject
    ChannelConfig config;

    @Inject
    DeliveryConfig delivery;

    @Inject
    ObjectMapper objectMapper;

    private ExecutorService executor;
    private HttpClient client;

    @PostConstruct
    void init() {
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "sms-sender");
            thread.setDaemon(true);
            return thread;
        });
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(delivery.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    /** Sends the attempt; the future always completes normally, with the outcome. */
    public CompletableFuture<AttemptOutcome> send(Attempt attempt) {
        if (config.sms().gatewayUrl().isEmpty()) {
            return CompletableFuture.completedFuture(AttemptOutcome.unreachable(
                    attempt, "No SMS gateway is configured (childsafe.notify.sms.gateway-url)"));
        }
        try {
            AlertPayload alert = objectMapper.readValue(attempt.payload(), AlertPayload.class);
            Map<String, String> body = new LinkedHashMap<>();
            body.put("to", attempt.address());
            body.put("text", AlertMessages.sms(config.caseLinkBase(), alert));
            body.put("reference", attempt.webhookId());
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(config.sms().gatewayUrl().get()))
                    .timeout(delivery.readTimeout())
                    .header("content-type", "application/json; charset=utf-8")
                    .header("user-agent", WebhookSender.USER_AGENT)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            objectMapper.writeValueAsString(body), StandardCharsets.UTF_8));
            config.sms().apiKey().ifPresent(key -> request.header(config.sms().apiKeyHeader(), key));
            long overallMillis =
                    delivery.connectTimeout().plus(delivery.readTimeout()).toMillis() + 1_000;
            return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .orTimeout(overallMillis, TimeUnit.MILLISECONDS)
                    .handle((response, error) -> error == null
                            ? AttemptOutcome.answered(attempt, response.statusCode())
                            : AttemptOutcome.unreachable(attempt, "SMS gateway: " + WebhookSender.describe(error)));
        } catch (Exception e) {
            return CompletableFuture.completedFuture(
                    AttemptOutcome.unreachable(attempt, "SMS not sent: " + WebhookSender.describe(e)));
        }
    }
}
