package vn.childsafe.notify.service;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.childsafe.notify.config.DeliveryConfig;
import vn.childsafe.notify.domain.OutboundUrlPolicy;

/**
 * The configured {@link OutboundUrlPolicy}. The send-time check resolves DNS, which may hang: it runs on threads
 * of its own so that a slow resolver delays only the deliveries to that host, never the dispatcher.
 */
@ApplicationScoped
public class OutboundUrls {

    @Inject
    DeliveryConfig config;

    private OutboundUrlPolicy policy;
    private ExecutorService resolvers;

    @PostConstruct
    void init() {
        policy = new OutboundUrlPolicy(config.allowHttpLoopback(), config.allowedHosts().orElse(List.of()),
                InetAddress::getAllByName);
        AtomicInteger threads = new AtomicInteger();
        resolvers = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "outbound-url-check-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void close() {
        resolvers.shutdownNow();
    }

    /** Why {@code url} may not be registered, or {@code null}; waits for DNS at most {@code dns-timeout}. */
    public String registrationProblem(String url) {
        return check(() -> policy.registrationProblem(url), resolvers, config.dnsTimeout()).join();
    }

    /**
     * Why nothing may be sent to {@code url} now ({@code null} if it may), checked off the caller's thread; a host
     * whose DNS does not answer within {@code dns-timeout} is refused for this attempt.
     */
    public CompletableFuture<String> sendProblem(String url) {
        return check(() -> policy.sendProblem(url), resolvers, config.dnsTimeout());
    }

    /** Runs a URL check on {@code executor}; if it takes longer than {@code timeout}, the URL is refused. */
    static CompletableFuture<String> check(Supplier<String> check, Executor executor, Duration timeout) {
        return CompletableFuture.supplyAsync(check, executor).completeOnTimeout(
                "its host did not resolve within " + timeout.toMillis() + " ms", timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }
}
