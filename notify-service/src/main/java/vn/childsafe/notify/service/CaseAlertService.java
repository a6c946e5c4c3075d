package vn.childsafe.notify.service;

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
import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.inbox.Inbox;
import vn.childsafe.notify.domain.AlertPayload;
import vn.childsafe.notify.domain.AlertTarget;
import vn.childsafe.notify.domain.AlertTargets;
import vn.childsafe.notify.domain.CaseAgency;
import vn.childsafe.notify.domain.CaseFacts;
import vn.childsafe.notify.domain.InvalidCaseEventException;
import vn.childsafe.notify.repository.ContactPoint;
import vn.childsafe.notify.repository.ContactPointRepository;

/**
 * Turns a case event ({@code case.routed} or any later change) into deliveries (lập danh sách thông báo cho một vụ
 * việc): one per target and channel, plus the takedown requests the event asks for, in the same transaction as
 * the inbox entry, so that a redelivered event creates nothing twice and a crash between the two is impossible.
 * The dispatcher sends them once the transaction committed.
 */
@ApplicationScoped
public class CaseAlertService {

    /** Name of this consumer in the inbox table. */
    public static final String CONSUMER = "notify-service";

    private static final Logger LOG = Logger.getLogger(CaseAlertService.class);
    private static final String CASE_TYPE_PREFIX = "vn.childsafe.case.";

    @Inject
    Inbox inbox;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    ContactPointRepository contactPoints;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    AlertDeliveries alertDeliveries;

    @Inject
    TakedownService takedowns;

    /**
     * Handles one case event. Transient failures (database unreachable, serialisation conflicts) are retried with
     * exponential backoff; an {@link InvalidCaseEventException} is not, as it would fail the same way again.
     *
     * @param eventId   CloudEvents {@code ce_id}, the de-duplication key
     * @param eventType CloudEvents {@code ce_type}: {@code vn.childsafe.case.routed.v1} or any other
     *                  {@code vn.childsafe.case.<kind>.v1}; other types are recorded and ignored
     * @param body      the event JSON
     * @return how many deliveries were created (0 for a duplicate or an ignored type)
     */
    @Retry(maxRetries = 8, delay = 200, jitter = 100, maxDuration = 60_000,
            abortOn = InvalidCaseEventException.class)
    @ExponentialBackoff(maxDelay = 10_000)
    public int onCaseEvent(String eventId, String eventType, String body) {
        CaseAlerts alerts = alertsOf(eventType, body);
        int created;
        try {
            created = QuarkusTransaction.requiringNew().call(() -> {
                if (!inbox.firstDelivery(CONSUMER, eventId, eventType) || alerts == null) {
                    return 0;
                }
                int count = createDeliveries(eventId, alerts);
                count += takedowns.onCaseEvent(eventId, alerts.facts(), alerts.takedownUrls(), alerts.assignments());
                return count;
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

    /** Whether {@code eventType} is a change of a case after routing ({@code vn.childsafe.case.<kind>.v1}). */
    static boolean isCaseChange(String eventType) {
        return eventType.startsWith(CASE_TYPE_PREFIX) && eventType.endsWith(".v1")
                && !EventTypes.CASE_ROUTED.equals(eventType);
    }

    /** What a case event asks of notify; {@code null} for types notify does not act on. */
    private CaseAlerts alertsOf(String eventType, String body) {
        if (EventTypes.CASE_ROUTED.equals(eventType)) {
            CaseRouted event = parse(body, CaseRouted.class, "case.routed");
            List<AlertTarget> targets = AlertTargets.of(event);
            List<AlertPayload> payloads = targets.stream().map(t -> AlertPayload.caseRouted(event, t)).toList();
            List<String> urls = event.takedownRequired() && event.takedownUrls() != null ? event.takedownUrls()
                    : List.of();
            List<CaseAgency> assignments = event.assignments().stream()
                    .map(a -> new CaseAgency(a.agencyCode(), a.agencyType())).toList();
            return new CaseAlerts(new CaseFacts(event.caseId(), event.category(), event.urgency(),
                    event.provinceCode(), event.communeCode()), targets, payloads, urls, assignments);
        }
        if (isCaseChange(eventType)) {
            CaseEvent event = parse(body, CaseEvent.class, eventType);
            if (event.kind() == null || !event.kind().eventType().equals(eventType)) {
                throw new InvalidCaseEventException("The event's kind does not match its type " + eventType);
            }
            List<AlertTarget> targets = AlertTargets.of(event);
            List<AlertPayload> payloads = targets.stream().map(t -> AlertPayload.caseChanged(event, t)).toList();
            List<String> urls = event.takedownUrls() == null ? List.of() : event.takedownUrls();
            List<CaseAgency> assignments = event.assignments() == null ? List.of()
                    : event.assignments().stream()
                            .map(a -> new CaseAgency(a.agencyCode(), a.agencyType())).toList();
            return new CaseAlerts(new CaseFacts(event.caseId(), event.category(), event.urgency(),
                    event.provinceCode(), event.communeCode()), targets, payloads, urls, assignments);
        }
        return null;
    }

    /** The alerts of one case event, one payload per target, and the takedowns it asks for. */
    private record CaseAlerts(CaseFacts facts, List<AlertTarget> targets, List<AlertPayload> payloads,
            List<String> takedownUrls, List<CaseAgency> assignments) {

        UUID caseId() {
            return facts.caseId();
        }
    }

    private int createDeliveries(String eventId, CaseAlerts alerts) {
        Map<String, ContactPoint> points = contactPoints
                .findAll(alerts.targets().stream().map(AlertTarget::agencyCode).toList());
        int created = 0;
        for (int i = 0; i < alerts.targets().size(); i++) {
            AlertTarget target = alerts.targets().get(i);
            created += alertDeliveries.create(eventId, alerts.caseId(), target.agencyCode(), target.role(),
                    toJson(alerts.payloads().get(i)), points.get(target.agencyCode()));
        }
        return created;
    }

    private <T> T parse(String body, Class<T> type, String name) {
        if (body == null || body.isBlank()) {
            throw new InvalidCaseEventException("The " + name + " event has no body");
        }
        try {
            return objectMapper.readValue(body, type);
        } catch (JsonMappingException e) {
            // The field path only, and no cause: Jackson's own messages quote the input, which must not reach
            // logs or the dead-letter headers.
            throw new InvalidCaseEventException("The " + name + " event does not match its schema at "
                    + fieldPath(e));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidCaseEventException("The " + name + " event is not valid JSON"
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
