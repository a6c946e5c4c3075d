package vn.childsafe.notify.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How alerts are delivered and retried ({@code childsafe.delivery.*}).
 *
 * <p>
 * With the defaults a unit endpoint that is down is retried for about 20 minutes (1 s, 2 s, 4 s ... capped at 5
 * min, 12 attempts) before the delivery is marked FAILED and ops must look at it.
 */
@ConfigMapping(prefix = "childsafe.delivery")
public interface DeliveryConfig {

    /** Whether this instance runs a dispatcher at all (every instance may; they never send the same attempt). */
    @WithDefault("true")
    boolean enabled();

    /** Attempts (the first one included) before a delivery is given up as FAILED. */
    @WithDefault("12")
    int maxAttempts();

    /** Wait before the second attempt; it doubles after every further failure. */
    @WithDefault("1s")
    Duration initialBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("5m")
    Duration maxBackoff();

    /**
     * Share of each wait that is randomised (0 to 1), so that deliveries that failed together (a unit endpoint
     * came back) do not all retry in the same instant.
     */
    @WithDefault("0.2")
    double jitter();

    /** Longest wait for DNS when a URL is checked; a host that does not answer in time is refused for now. */
    @WithDefault("3s")
    Duration dnsTimeout();

    /** Longest wait for a TCP (and TLS) connection to a unit endpoint. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Longest wait for the unit endpoint's response once the request is sent. */
    @WithDefault("5s")
    Duration readTimeout();

    /** How often the dispatcher looks for due deliveries when nothing woke it (new alerts wake it at once). */
    @WithDefault("150ms")
    Duration pollInterval();

    /** Most deliveries claimed in one transaction. */
    @WithDefault("100")
    int batchSize();

    /** Most requests in flight at once on this instance, so that slow endpoints cannot exhaust it. */
    @WithDefault("64")
    int maxConcurrentSends();

    /**
     * Whether plain http to loopback addresses (and loopback at all) is allowed: true in dev and test, and on the
     * local stack (env {@code CHILDSAFE_DELIVERY_ALLOW_HTTP_LOOPBACK=true}); never in production.
     */
    @WithDefault("false")
    boolean allowHttpLoopback();

    /**
     * Host names (or IP literals) that may resolve to private, link-local or loopback addresses, e.g. a ministry
     * system on a government network. https is still required.
     */
    Optional<List<String>> allowedHosts();

    /**
     * How long a claimed attempt stays reserved for the instance that claimed it. Longer than any request may
     * take; if the instance dies mid-attempt, the delivery is retried once the lease ran out.
     */
    @WithDefault("60s")
    Duration claimLease();
}
