package vn.childsafe.commons.outbox;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The outbox backlog as gauges (docs/runbook.md, "Metrics and alerts"): {@code childsafe_outbox_pending} events not
 * yet on Kafka and {@code childsafe_outbox_oldest_age_seconds}, the age of the oldest. Counted every 15 seconds
 * rather than at each scrape, so that a scraper cannot load the database; a relay that cannot publish shows as a
 * growing age long before anyone misses an alert.
 */
@ApplicationScoped
@Startup
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    @Inject
    AgroalDataSource dataSource;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    @Inject
    void register(MeterRegistry registry) {
        registry.gauge("childsafe.outbox.pending", pending);
        registry.gauge("childsafe.outbox.oldest.age.seconds", oldestAgeSeconds);
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)"
                                + " FROM outbox_event WHERE published_at IS NULL")) {
            rs.next();
            pending.set(rs.getLong(1));
            oldestAgeSeconds.set(rs.getLong(2));
        } catch (SQLException e) {
            // The database is down: the gauges keep their last values, and readiness says why.
            LOG.debugf("Outbox backlog not counted: %s", e.getMessage());
        }
    }
}
