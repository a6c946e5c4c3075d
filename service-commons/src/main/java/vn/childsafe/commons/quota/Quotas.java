package vn.childsafe.commons.quota;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import vn.childsafe.commons.problem.Problem;

/**
 * Per-client write quotas (hạn mức theo đơn vị gửi): a token bucket per client (Bucket4j) refilled at its
 * {@link QuotaConfig} rate. A write past the quota is answered 429 with {@code Retry-After} and counted in
 * {@code childsafe.quota.exceeded} by client, so that a token posting reports in a loop cannot page police, the 111
 * liaison and paid SMS without end. Reads are not limited; anonymous requests are refused before they get here.
 * Callers without a token (intake's public page) take from buckets of their own, by purpose and client address,
 * through {@link #take(String, int)}.
 */
@ApplicationScoped
public class Quotas {

    private static final Logger LOG = Logger.getLogger(Quotas.class);

    @Inject
    QuotaConfig config;

    @Inject
    SecurityIdentity identity;

    @Inject
    MeterRegistry meters;

    @Inject
    ObjectMapper objectMapper;

    /** Past this many buckets, idle ones (full again) are dropped: keys by client address are unbounded. */
    static final int SWEEP_ABOVE = 50_000;

    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();

    private record Limited(Bucket bucket, int capacity) {}

    @ServerRequestFilter
    public Response limitWrites(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!config.enabled()
                || identity.isAnonymous()
                || method.equals("GET")
                || method.equals("HEAD")
                || method.equals("OPTIONS")) {
            return null;
        }
        String client = identity.getPrincipal().getName();
        int perMinute = perMinute(client);
        OptionalLong retryAfter = take(client, perMinute);
        if (retryAfter.isEmpty()) {
            return null;
        }
        meters.counter("childsafe.quota.exceeded", "client", client).increment();
        LOG.warnf(
                "Client %s is over its quota of %d writes a minute: %s %s answered 429",
                client, perMinute, method, request.getUriInfo().getPath());
        return Response.status(429)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, retryAfter.getAsLong())
                .entity(json(new Problem(
                        URI.create(Problem.TYPE_BASE + "quota"),
                        "Too Many Requests",
                        429,
                        "This client may send " + perMinute + " writes a minute and has used them; retry after the "
                                + "number of seconds in Retry-After.",
                        "/" + request.getUriInfo().getPath().replaceFirst("^/", ""),
                        null)))
                .build();
    }

    /**
     * Takes one request from the bucket {@code key} (a client, or a purpose and a client address for callers
     * without a token, such as the public page), refilled at {@code perMinute} a minute with bursts of as many.
     *
     * @return empty if the request may go ahead, else the seconds to wait (for {@code Retry-After})
     */
    public OptionalLong take(String key, int perMinute) {
        if (!config.enabled()) {
            return OptionalLong.empty();
        }
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(limited -> limited.bucket().getAvailableTokens() >= limited.capacity());
        }
        Bucket bucket = buckets.computeIfAbsent(
                        key + "/" + perMinute,
                        k -> new Limited(
                                Bucket.builder()
                                        .addLimit(Bandwidth.builder()
                                                .capacity(perMinute)
                                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                                .build())
                                        .build(),
                                perMinute))
                .bucket();
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1));
    }

    /** The client's own limit, else the largest of its roles', else the default. */
    int perMinute(String client) {
        QuotaConfig.Limit own = config.clients().get(client);
        if (own != null) {
            return own.perMinute();
        }
        return identity.getRoles().stream()
                .map(config.roles()::get)
                .filter(limit -> limit != null)
                .mapToInt(QuotaConfig.Limit::perMinute)
                .max()
                .orElse(config.defaultPerMinute());
    }

    private String json(Problem problem) {
        try {
            return objectMapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
