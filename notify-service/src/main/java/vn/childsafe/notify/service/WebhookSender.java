package vn.childsafe.notify.service;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.netty.channel.ConnectTimeoutException;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.tracing.TracingPolicy;
import vn.childsafe.commons.signing.WebhookSignature;
import vn.childsafe.commons.tracing.Spans;
import vn.childsafe.commons.tracing.TraceContexts;
import vn.childsafe.notify.config.DeliveryConfig;
import vn.childsafe.notify.domain.OutboundUrlPolicy;

/**
 * Sends one Standard Webhooks request per attempt, asynchronously: {@code POST} of the alert JSON with
 * {@code webhook-id} (stable across retries), {@code webhook-timestamp} (this attempt, unix seconds) and
 * {@code webhook-signature} (signed with every secret of the contact point). Redirects are never followed: the
 * signed alert goes only where the admin registered it.
 * <p>
 * The connection goes to the address the URL check approved, never to a second DNS answer; the host name is kept
 * for the {@code Host} header, TLS server name and certificate check (docs/security.md, "Outbound requests").
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "ChildSafe-Notify/1.0";

    /** Connections kept per unit endpoint; alerts to one unit rarely overlap more. */
    private static final int CONNECTIONS_PER_HOST = 20;

    /** The attempt span's answer code (OpenTelemetry's HTTP semantic conventions); never the URL, which may hold a token. */
    private static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");

    @Inject
    DeliveryConfig config;

    @Inject
    Clock clock;

    @Inject
    OutboundUrls outboundUrls;

    @Inject
    Vertx vertx;

    @Inject
    Spans spans;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(CONNECTIONS_PER_HOST)
                .setVerifyHost(true)
                .setDecompressionSupported(false)
                // The span and traceparent of each attempt are this class's: the attempt continues the delivery's
                // stored trace, which the Vert.x tracer (it sees only the dispatcher's thread) cannot know.
                .setTracingPolicy(TracingPolicy.IGNORE));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Sends the attempt; the future always completes normally, with the outcome. The URL is checked again first
     * (https, every resolved address public or allow-listed): a refused URL is a failed attempt without any
     * connection.
     */
    public CompletableFuture<AttemptOutcome> send(Attempt attempt) {
        return outboundUrls
                .vet(attempt.url())
                .thenCompose(verdict -> verdict.problem() == null
                        ? post(attempt, verdict)
                        : CompletableFuture.completedFuture(
                                AttemptOutcome.unreachable(attempt, "Refused: the webhook URL " + verdict.problem())))
                .exceptionally(error -> AttemptOutcome.unreachable(attempt, describe(error)));
    }

    /** Signs and POSTs the attempt to the vetted address of its URL (also used for platform takedown requests). */
    private CompletableFuture<AttemptOutcome> post(Attempt attempt, OutboundUrlPolicy.Verdict verdict) {
        try {
            long timestamp = clock.instant().getEpochSecond();
            URI uri = URI.create(attempt.url());
            boolean tls = "https".equalsIgnoreCase(uri.getScheme());
            int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
            String host = uri.getHost().startsWith("[")
                    ? uri.getHost().substring(1, uri.getHost().length() - 1)
                    : uri.getHost();
            String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            InetAddress address = verdict.address();
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setHost(host)
                    .setPort(port)
                    .setSsl(tls)
                    .setURI(path)
                    .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                    .setFollowRedirects(false)
                    .setIdleTimeout(config.readTimeout().toMillis())
                    .putHeader("content-type", "application/json")
                    .putHeader("user-agent", USER_AGENT)
                    .putHeader(WebhookSignature.ID_HEADER, attempt.webhookId())
                    .putHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .putHeader(
                            WebhookSignature.SIGNATURE_HEADER,
                            WebhookSignature.signAll(
                                    attempt.secrets(), attempt.webhookId(), timestamp, attempt.payload()));
            // The idle timeout covers a silent endpoint; the overall bound also covers a body that trickles in
            // forever.
            long overallMillis =
                    config.connectTimeout().plus(config.readTimeout()).toMillis() + 1_000;
            Span span = spans.start("POST", SpanKind.CLIENT, attempt.traceparent());
            String traceparent = TraceContexts.of(Context.root().with(span));
            if (traceparent != null) {
                options.putHeader(TraceContexts.TRACEPARENT, traceparent);
            }
            return client.request(options)
                    .compose(request -> request.send(Buffer.buffer(attempt.payload())))
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(overallMillis, TimeUnit.MILLISECONDS)
                    .handle((status, error) -> {
                        if (error == null) {
                            span.setAttribute(HTTP_STATUS, status);
                        } else {
                            TraceContexts.failed(span, error);
                        }
                        span.end();
                        return error == null
                                ? AttemptOutcome.answered(attempt, status)
                                : AttemptOutcome.unreachable(attempt, describe(error));
                    });
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
        if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectTimeoutException) {
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
