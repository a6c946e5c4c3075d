package vn.childsafe.notify.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import vn.childsafe.notify.takedown.TakedownRequestRepository;

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
    TakedownRequestRepository requests;

    private MultiGauge open;
    private MultiGauge overdue;

    @Inject
    void register(MeterRegistry registry) {
        open = MultiGauge.builder("childsafe.takedowns.open")
                .description("Takedown requests without a result from the platform")
                .register(registry);
        overdue = MultiGauge.builder("childsafe.takedowns.overdue")
                .description("Takedown requests without a result past their deadline")
                .register(registry);
    }

    @Scheduled(every = "15s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        List<TakedownRequestRepository.OpenRequests> counts;
        try {
            counts = QuarkusTransaction.requiringNew().call(requests::openByPlatform);
        } catch (RuntimeException e) {
            LOG.debugf("Takedown requests not counted: %s", e.getMessage());
            return;
        }
        List<MultiGauge.Row<?>> openRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        for (TakedownRequestRepository.OpenRequests platform : counts) {
            Tags tags = Tags.of("platform", platform.platformCode());
            openRows.add(MultiGauge.Row.of(tags, platform.open()));
            overdueRows.add(MultiGauge.Row.of(tags, platform.overdue()));
        }
        open.register(openRows, true);
        overdue.register(overdueRows, true);
    }
}
