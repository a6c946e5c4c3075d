package vn.childsafe.notify.service;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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

    /** Why {@code url} may not be registered, or {@code null}. */
    public String registrationProblem(String url) {
        return policy.registrationProblem(url);
    }

    /** Why nothing may be sent to {@code url} now ({@code null} if it may), checked off the caller's thread. */
    public CompletableFuture<String> sendProblem(String url) {
        return CompletableFuture.supplyAsync(() -> policy.sendProblem(url), resolvers);
    }
}
