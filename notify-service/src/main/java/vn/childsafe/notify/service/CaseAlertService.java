package vn.childsafe.notify.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.inbox.Inbox;
import vn.childsafe.notify.domain.AlertPayload;
import vn.childsafe.notify.domain.AlertTarget;
import vn.childsafe.notify.domain.AlertTargets;
import vn.childsafe.notify.domain.DeliveryChannel;
import vn.childsafe.notify.domain.DeliveryState;
import vn.childsafe.notify.domain.InvalidCaseEventException;
import vn.childsafe.notify.repository.ContactPoint;
import vn.childsafe.notify.repository.ContactPointRepository;
import vn.childsafe.notify.repository.Delivery;
import vn.childsafe.notify.repository.DeliveryRepository;

/**
 * Turns a case event into deliveries (lập danh sách thông báo cho một vụ việc): one per target and channel, in
 * the same transaction as the inbox entry, so that a redelivered event creates nothing twice and a crash
 * between the two is impossible. The dispatcher sends them once the transaction committed.
 */
@ApplicationScoped
public class CaseAlertService {

    /** Name of this consumer in the inbox table. */
    public static final String CONSUMER = "notify-service";

    private static final Logger LOG = Logger.getLogger(CaseAlertService.class);

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    ContactPointRepository contactPoints;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    Clock clock;

    /**
     * Handles one case event. Transient failures (database unreachable, serialisation conflicts) are retried with
     * exponential backoff; an {@link InvalidCaseEventException} is not, as it would fail the same way again.
     *
     * @param eventId   CloudEvents {@code ce_id}, the de-duplication key
     * @param eventType CloudEvents {@code ce_type}; types other than case.routed are recorded and ignored
     * @param body      the event JSON
     * @return how many deliveries were created (0 for a duplicate or an ignored type)
     */
    @Retry(maxRetries = 8, delay = 200, jitter = 100, maxDuration = 60_000,
            abortOn = InvalidCaseEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public int onCaseEvent(String eventId, String eventType, String body) {
        CaseRouted event = EventTypes.CASE_ROUTED.equals(eventType) ? parse(body) : null;
        List<AlertTarget> targets = event == null ? List.of() : AlertTargets.of(event);
        int created;
        try {
            created = QuarkusTransaction.requiringNew().call(() -> {
                if (!inbox.firstDelivery(CONSUMER, eventId, eventType) || event == null) {
                    return 0;
                }
                return createDeliveries(eventId, event, targets);
            });
        } catch (RuntimeException e) {
            // Logged per attempt, so that an outage shows while it is being retried, not only at the end.
            LOG.warnf("Case event %s could not be applied (will be retried): %s", eventId, e.toString());
            throw e;
        }
        if (created > 0) {
            // Committed: send now rather than at the next poll (report → webhook p99 target is 1 s).
            dispatcher.wakeUp();
        }
        return created;
    }

    private int createDeliveries(String eventId, CaseRouted event, List<AlertTarget> targets) {
        Instant now = clock.instant();
        Map<String, ContactPoint> points = contactPoints
                .findAll(targets.stream().map(AlertTarget::agencyCode).toList());
        for (AlertTarget target : targets) {
            ContactPoint contactPoint = points.get(target.agencyCode());
            Delivery delivery = new Delivery();
            delivery.id = UUID.randomUUID();
            delivery.eventId = eventId;
            delivery.caseId = event.caseId();
            delivery.agencyCode = target.agencyCode();
            delivery.role = target.role();
            delivery.webhookId = Delivery.webhookIdFor(delivery.id);
            delivery.payload = toJson(AlertPayload.caseRouted(event, target));
            delivery.createdAt = now;
            if (contactPoint != null && contactPoint.hasWebhook()) {
                delivery.channel = DeliveryChannel.WEBHOOK;
                delivery.state = DeliveryState.PENDING;
                delivery.nextAttemptAt = now;
            } else {
                // Kept, never dropped: ops see the gap and retry once the contact point is registered.
                delivery.channel = DeliveryChannel.NONE;
                delivery.state = DeliveryState.NO_CONTACT_POINT;
                delivery.lastError = contactPoint == null ? "The agency has no contact point."
                        : "The agency's contact point has no webhook URL (e-mail and SMS are not sent yet).";
                LOG.warnf("No usable contact point for agency %s: its %s alert for case %s is NO_CONTACT_POINT",
                        target.agencyCode(), target.role(), event.caseId());
            }
            deliveries.persist(delivery);
        }
        return targets.size();
    }

    private CaseRouted parse(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidCaseEventException("The case.routed event has no body");
        }
        try {
            return objectMapper.readValue(body, CaseRouted.class);
        } catch (JsonMappingException e) {
            // The field path only, and no cause: Jackson's own messages quote the input, which must not reach
            // logs or the dead-letter headers.
            throw new InvalidCaseEventException("The case.routed event does not match its schema at "
                    + fieldPath(e));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidCaseEventException("The case.routed event is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    private String toJson(AlertPayload payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An alert payload could not be serialised", e);
        }
    }
}
