package vn.childsafe.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.config.RoutingConfig;

/**
 * The deadline watcher: finds PENDING assignments past their acknowledgement deadline and escalates each in a
 * transaction of its own ({@link AssignmentEscalation#escalateOverdue}). Finding claims nothing; the escalation's
 * conditional update does, so two instances (or a restart in the middle of a run) never escalate one deadline
 * twice, and a failure of one escalation does not hold back the others.
 */
@ApplicationScoped
@Startup
public class DeadlineEscalation {

    private static final Logger LOG = Logger.getLogger(DeadlineEscalation.class);

    @Inject
    CaseRepository cases;

    @Inject
    AssignmentEscalation escalation;

    @Inject
    Clock clock;

    private Counter escalations;

    @Inject
    void register(MeterRegistry meters) {
        // Registered at start, so that an alert on its increase sees a zero before the first escalation.
        escalations = meters.counter("childsafe.routing.assignments.escalated");
    }

    @Inject
    RoutingConfig config;

    @Scheduled(
            identity = "deadline-escalation",
            every = "${childsafe.routing.escalation.every:30s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        escalateOverdue();
    }

    /**
     * Escalates every assignment overdue now.
     *
     * @return how many this call escalated (others may have been escalated concurrently by another instance)
     */
    public int escalateOverdue() {
        int escalated = 0;
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        int batchSize = Math.max(1, config.escalation().batchSize());
        while (true) {
            List<UUID> overdue = QuarkusTransaction.requiringNew().call(() -> cases.overduePending(now, batchSize));
            int done = 0;
            for (UUID assignmentId : overdue) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> escalation.escalateOverdue(assignmentId, now))) {
                        done++;
                    }
                } catch (RuntimeException e) {
                    LOG.warnf(
                            "Escalation of assignment %s failed, retried on the next run: %s",
                            assignmentId, e.toString());
                }
            }
            escalated += done;
            // A short batch means nothing is left; a batch of which nothing was escalated here means another
            // instance is working the same rows, or they keep failing: leave them to the next run.
            if (overdue.size() < batchSize || done == 0) {
                break;
            }
        }
        if (escalated > 0) {
            escalations.increment(escalated);
            LOG.infof("Escalated %d overdue assignment(s)", escalated);
        }
        return escalated;
    }
}
