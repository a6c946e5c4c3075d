package vn.childsafe.notify.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import vn.childsafe.notify.config.TakedownConfig;

/**
 * Looks for overdue takedown requests every {@code childsafe.takedown.check-interval} and has them re-noticed and
 * escalated ({@link TakedownService#noticeOverdue()}). Each request is re-noticed once per 24 h however many
 * instances run this; {@code childsafe.takedown.scheduler-enabled=false} turns it off on an instance.
 */
@ApplicationScoped
public class TakedownScheduler {

    private static final Logger LOG = Logger.getLogger(TakedownScheduler.class);

    @Inject
    TakedownConfig config;

    @Inject
    TakedownService takedowns;

    void onStart(@Observes StartupEvent event) {
        if (!config.schedulerEnabled()) {
            LOG.info("Takedown scheduler disabled on this instance");
        }
    }

    @Scheduled(
            identity = "takedown-scheduler",
            every = "${childsafe.takedown.check-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Disabled.class)
    void scheduled() {
        try {
            int noticed;
            do {
                noticed = takedowns.noticeOverdueAndSend();
            } while (noticed >= TakedownService.NOTICE_BATCH); // a full batch: more may be overdue, go on at once
        } catch (RuntimeException e) {
            LOG.warnf("Overdue takedown requests not noticed, retried on the next run: %s", e.toString());
        }
    }

    /** Skips every run on an instance with {@code childsafe.takedown.scheduler-enabled=false}. */
    @ApplicationScoped
    static class Disabled implements Scheduled.SkipPredicate {

        @Inject
        TakedownConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.schedulerEnabled();
        }
    }
}
