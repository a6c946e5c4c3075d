package vn.childsafe.commons.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.childsafe.commons.worker.PollingWorker;

/**
 * The outbox relay's state on {@code /q/health/ready}, for the people who read it: whether it publishes or waits
 * for Kafka, since when, the backlog and the age of its oldest event.
 * <p>
 * Always UP. A backlog is never a reason to stop sending requests to an instance: every service's API writes its
 * events into the outbox, which is there to hold them while Kafka is away. Whether a service needs Kafka to be
 * ready is decided by the Kafka health check of that service alone (docs/runbook.md, "Health and what to watch").
 * Not a liveness check either: restarting an instance does not bring Kafka back.
 */
@Readiness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("outbox-relay").up();
        if (!config.enabled()) {
            return response.withData("relay", "disabled on this instance").build();
        }
        PollingWorker.State state = relay.state();
        if (state.failingSince() != null) {
            response.withData("relay", "waiting for Kafka")
                    .withData("failingSince", state.failingSince().toString())
                    .withData("failuresInARow", state.failures())
                    .withData("lastError", state.lastError());
        } else {
            response.withData("relay", relay.running() ? "publishing" : "stopped");
        }
        if (state.lastSuccess() != null) {
            response.withData("lastSuccessfulRound", state.lastSuccess().toString());
        }
        try {
            Object[] backlog = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                            "SELECT count(*), min(created_at) FROM outbox_event WHERE published_at IS NULL")
                    .getSingleResult());
            response.withData("pending", ((Number) backlog[0]).longValue());
            if (backlog[1] != null) {
                response.withData(
                        "oldestPendingSeconds",
                        Math.max(
                                0,
                                Duration.between(instant(backlog[1]), Instant.now(clock))
                                        .toSeconds()));
            }
        } catch (RuntimeException e) {
            // The database's own readiness check reports this; the relay's state above is still worth showing.
            response.withData("pending", "unknown: the database does not answer");
        }
        return response.build();
    }

    /** A {@code timestamptz} as the JDBC driver and Hibernate version at hand return it. */
    private static Instant instant(Object timestamp) {
        if (timestamp instanceof Instant instant) {
            return instant;
        }
        if (timestamp instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) timestamp).toInstant();
    }
}
