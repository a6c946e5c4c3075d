package vn.childsafe.commons.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the event consumers: down only if a consumer thread died (a restart helps then). A consumer waiting
 * out a database or broker outage is alive and says what it waits for; restarting it would not help.
 */
@Liveness
@ApplicationScoped
public class EventConsumersHealth implements HealthCheck {

    @Inject
    EventConsumers consumers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("event-consumers").status(consumers.alive());
        consumers
                .waiting()
                .forEach((name, waitingFor) -> response.withData(
                        name, waitingFor == null ? "flowing" : "waiting for a dependency: " + waitingFor));
        return response.build();
    }
}
