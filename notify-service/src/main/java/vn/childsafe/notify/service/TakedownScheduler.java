package vn.childsafe.notify.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import vn.childsafe.commons.worker.PollingWorker;
import vn.childsafe.notify.config.TakedownConfig;

/**
 * Looks for overdue takedown requests every {@code childsafe.takedown.check-interval} and has them re-noticed and
 * escalated ({@link TakedownService#noticeOverdue()}). Each request is re-noticed once per 24 h however many
 * instances run this.
 */
@ApplicationScoped
public class TakedownScheduler extends PollingWorker {

    private static final Logger LOG = Logger.getLogger(TakedownScheduler.class);

    @Inject
    TakedownConfig config;

    @Inject
    TakedownService takedowns;

    void onStart(@Observes StartupEvent event) {
        if (!config.schedulerEnabled()) {
            LOG.info("Takedown scheduler disabled on this instance");
            return;
        }
        start("takedown-scheduler");
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stop();
    }

    @Override
    protected boolean workOnce() {
        // A full batch means more may be overdue: go on at once.
        return takedowns.noticeOverdueAndSend() >= TakedownService.NOTICE_BATCH;
    }

    @Override
    protected Duration pollInterval() {
        return config.checkInterval();
    }

    @Override
    protected Duration maxBackoff() {
        return Duration.ofSeconds(30);
    }
}
