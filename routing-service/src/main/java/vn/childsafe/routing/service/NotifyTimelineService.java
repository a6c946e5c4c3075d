package vn.childsafe.routing.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import vn.childsafe.commons.events.NotifyEvent;
import vn.childsafe.commons.inbox.Inbox;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.RoutingCase;
import vn.childsafe.routing.cases.TimelineEntry;
import vn.childsafe.routing.messaging.MalformedEventException;

/**
 * Puts delivery and takedown outcomes reported by notify-service ({@code notify.events.v1}) on the case's
 * timeline, once per event: the inbox entry and the timeline row are written in one transaction.
 */
@ApplicationScoped
public class NotifyTimelineService {

    /** Inbox consumer name for notify.events.v1. */
    public static final String CONSUMER = "routing-service.notify-events";
    /** Actor of the timeline entries. */
    public static final String ACTOR = "notify-service";

    private static final Logger LOG = Logger.getLogger(NotifyTimelineService.class);

    @Inject
    Inbox inbox;

    @Inject
    CaseRepository cases;

    /**
     * @return whether a timeline entry was written ({@code false} for a redelivered event)
     * @throws MalformedEventException if the case does not exist (never retried: it goes to the dead-letter topic)
     */
    @Retry(maxRetries = 6, delay = 200, jitter = 100, maxDuration = 30_000, abortOn = MalformedEventException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 5_000)
    public boolean record(String eventId, String eventType, NotifyEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> recordInTransaction(eventId, eventType, event));
    }

    private boolean recordInTransaction(String eventId, String eventType, NotifyEvent event) {
        if (!inbox.firstDelivery(CONSUMER, eventId, eventType)) {
            LOG.debugf("Notify event %s was handled before; skipped", eventId);
            return false;
        }
        RoutingCase c = cases.lockById(event.caseId())
                .orElseThrow(() -> new MalformedEventException("no case " + event.caseId()));
        TimelineEntry entry = TimelineEntry.of(c.id, event.occurredAt(), "NOTIFY_" + event.kind().name(), ACTOR,
                detail(event), null);
        entry.sourceEventId = eventId;
        cases.addTimeline(entry);
        return true;
    }

    /** The summary plus the routing facts of the event: codes and results, never personal data. */
    static String detail(NotifyEvent event) {
        List<String> facts = new ArrayList<>();
        if (event.agencyCode() != null) {
            facts.add("agency " + event.agencyCode());
        }
        if (event.channel() != null) {
            facts.add("channel " + event.channel());
        }
        if (event.platformCode() != null) {
            facts.add("platform " + event.platformCode());
        }
        if (event.result() != null) {
            facts.add("result " + event.result());
        }
        if (event.deadline() != null) {
            facts.add("deadline " + event.deadline());
        }
        if (event.takedownRequestId() != null) {
            facts.add("takedown request " + event.takedownRequestId());
        }
        if (event.deliveryId() != null) {
            facts.add("delivery " + event.deliveryId());
        }
        String summary = event.summary() == null ? "" : event.summary().strip();
        return facts.isEmpty() ? summary : summary + " (" + String.join(", ", facts) + ")";
    }
}
