package vn.childsafe.notify.service;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.childsafe.commons.signing.WebhookSignature;
import vn.childsafe.notify.config.DeliveryConfig;

/**
 * Sends one Standard Webhooks request per attempt, asynchronously: {@code POST} of the alert JSON with
 * {@code webhook-id} (stable across retries), {@code webhook-timestamp} (this attempt, unix seconds) and
 * {@code webhook-signature} (signed with every secret of the contact point). Redirects are never followed: the
 * signed alert goes only where the admin registered it.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "ChildSafe-Notify/1.0";

    @Inject
    DeliveryConfig config;

    @Inject
    Clock clock;

    @Inject
    OutboundUrls outboundUrls;

    private ExecutorService executor;
    private HttpClient client;

    @PostConstruct
    void init() {
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // Few threads suffice: requests are non-blocking; the threads only run callbacks and the selector's work.
        executor = Executors.newFixedThreadPool(4, factory);
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    /**
     * Sends the attempt; the future always completes normally, with the outcome. The URL is checked again first
     * (https, every resolved address public or allow-listed): a refused URL is a failed attempt without any
     * connection.
     */
    public CompletableFuture<AttemptOutcome> send(Attempt attempt) {
        return outboundUrls.sendProblem(attempt.url())
                .thenCompose(problem -> problem == null ? post(attempt)
                        : CompletableFuture.completedFuture(AttemptOutcome.unreachable(attempt,
                                "Refused: the webhook URL " + problem)))
                .exceptionally(error -> AttemptOutcome.unreachable(attempt, describe(error)));
    }

    /** Signs and POSTs a signed request to {@code url} (also used for platform takedown requests). */
    public CompletableFuture<AttemptOutcome> post(Attempt attempt) {
        try {
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(attempt.url()))
                    .timeout(config.readTimeout())
                    .header("content-type", "application/json")
                    .header("user-agent", USER_AGENT)
                    .header(WebhookSignature.ID_HEADER, attempt.webhookId())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.signAll(attempt.secrets(), attempt.webhookId(), timestamp,
                                    attempt.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(attempt.payload(), StandardCharsets.UTF_8))
                    .build();
            // The request timeout covers the wait for the response headers; the overall bound also covers a body
            // that trickles in forever.
            long overallMillis = config.connectTimeout().plus(config.readTimeout()).toMillis() + 1_000;
            return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .orTimeout(overallMillis, TimeUnit.MILLISECONDS)
                    .handle((response, error) -> error == null
                            ? AttemptOutcome.answered(attempt, response.statusCode())
                            : AttemptOutcome.unreachable(attempt, describe(error)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(AttemptOutcome.unreachable(attempt, describe(e)));
        }
    }

    /** A short reason for ops, without the request (which is signed) or the URL (which may carry a token). */
    static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "Connection timed out";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "No response in time";
        }
        if (cause instanceof ConnectException) {
            return "Connection refused or unreachable";
        }
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
