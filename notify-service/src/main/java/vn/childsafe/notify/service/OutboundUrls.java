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
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import io.quarkus.arc.DefaultBean;
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

    @Inject
    OutboundUrlPolicy.Resolver resolver;

    private OutboundUrlPolicy policy;
    private ExecutorService resolvers;

    @PostConstruct
    void init() {
        policy = new OutboundUrlPolicy(
                config.allowHttpLoopback(), config.allowedHosts().orElse(List.of()), resolver);
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
        return check(() -> policy.registrationProblem(url), resolvers, config.dnsTimeout(), problem -> problem)
                .join();
    }

    /**
     * Whether something may be sent to {@code url} now and to which address, checked off the caller's thread; a
     * host whose DNS does not answer within {@code dns-timeout} is refused for this attempt.
     */
    public CompletableFuture<OutboundUrlPolicy.Verdict> vet(String url) {
        return check(() -> policy.vet(url), resolvers, config.dnsTimeout(), OutboundUrlPolicy.Verdict::refused);
    }

    /** Runs a URL check on {@code executor}; if it takes longer than {@code timeout}, the URL is refused. */
    static <T> CompletableFuture<T> check(
            Supplier<T> check, Executor executor, Duration timeout, Function<String, T> refusal) {
        return CompletableFuture.supplyAsync(check, executor)
                .completeOnTimeout(
                        refusal.apply("its host did not resolve within " + timeout.toMillis() + " ms"),
                        timeout.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    /** The system's DNS resolver, unless a test replaces it. */
    @Produces
    @ApplicationScoped
    @DefaultBean
    static OutboundUrlPolicy.Resolver systemResolver() {
        return InetAddress::getAllByName;
    }
}
