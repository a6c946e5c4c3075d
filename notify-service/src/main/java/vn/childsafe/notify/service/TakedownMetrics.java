package vn.childsafe.notify.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Takedown requests per registered platform (docs/runbook.md, "Metrics and alerts"):
 * {@code childsafe_takedowns_open} without a result yet and {@code childsafe_takedowns_overdue} past their deadline.
 * Platforms are a short list an admin registers, so the {@code platform} label stays bounded.
 */
@ApplicationScoped
@Startup
public class TakedownMetrics {

    private static final Logger LOG = Logger.getLogger(TakedownMetrics.class);

    @Inject
    AgroalDataSource dataSource;

    private MultiGauge open;
    private MultiGauge overdue;

    @Inject
    void register(MeterRegistry registry) {
        open = MultiGauge.builder("childsafe.takedowns.open")
                .description("Takedown requests without a result from the platform").register(registry);
        overdue = MultiGauge.builder("childsafe.takedowns.overdue")
                .description("Takedown requests without a result past their deadline").register(registry);
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        List<MultiGauge.Row<?>> openRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT p.code, count(t.id), count(t.id) FILTER (WHERE t.deadline < now())
                        FROM platform p LEFT JOIN takedown_request t ON t.platform_code = p.code AND t.result IS NULL
                        GROUP BY p.code""")) {
            while (rs.next()) {
                Tags platform = Tags.of("platform", rs.getString(1));
                openRows.add(MultiGauge.Row.of(platform, rs.getLong(2)));
                overdueRows.add(MultiGauge.Row.of(platform, rs.getLong(3)));
            }
        } catch (SQLException e) {
            LOG.debugf("Takedown requests not counted: %s", e.getMessage());
            return;
        }
        open.register(openRows, true);
        overdue.register(overdueRows, true);
    }
}
