package vn.childsafe.notify.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.Lane;
import vn.childsafe.commons.messaging.EventPayloads;
import vn.childsafe.commons.messaging.UnprocessableEventException;
import vn.childsafe.notify.contact.ContactPoint;
import vn.childsafe.notify.contact.ContactPointRepository;
import vn.childsafe.notify.domain.AlertPayload;
import vn.childsafe.notify.domain.AlertTarget;
import vn.childsafe.notify.domain.AlertTargets;
import vn.childsafe.notify.domain.CaseAgency;
import vn.childsafe.notify.domain.CaseFacts;

/**
 * Turns a case event ({@code case.routed} or any later change) into deliveries (lập danh sách thông báo cho một vụ
 * việc): one per target and channel, in the case's lane, plus the takedown requests the event asks for, in the
 * consumer's transaction, which holds the inbox entry too, so that a redelivered event creates nothing twice and a
 * crash between the two is impossible. The dispatcher sends them once the transaction committed.
 */
@ApplicationScoped
public class CaseAlertService {

    /** Name of this consumer in the inbox table. */
    public static final String CONSUMER = "notify-service";

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    EventPayloads eventPayloads;

    @Inject
    ContactPointRepository contactPoints;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    AlertDeliveries alertDeliveries;

    @Inject
    TakedownService takedowns;

    /**
     * Handles one case event in the caller's transaction (the consumer's batch).
     *
     * @param eventId   CloudEvents {@code ce_id}, the de-duplication key
     * @param eventType CloudEvents {@code ce_type}: {@code vn.childsafe.case.routed.v1} or any other
     *                  {@code vn.childsafe.case.<kind>.v1}; other types are ignored
     * @param body      the event JSON
     * @return how many deliveries were created (0 for an ignored type)
     * @throws UnprocessableEventException if the event can never be turned into alerts
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int onCaseEvent(String eventId, String eventType, String body) {
        CaseAlerts alerts = alertsOf(eventType, body);
        if (alerts == null) {
            return 0;
        }
        int created = createDeliveries(eventId, alerts);
        created += takedowns.onCaseEvent(eventId, alerts.facts(), alerts.takedownUrls(), alerts.assignments());
        if (created > 0) {
            // Sent as soon as they are committed rather than at the dispatcher's next poll.
            dispatcher.wakeUpAfterCommit(transactions);
        }
        return created;
    }

    /** Whether {@code eventType} is a change of a case after routing ({@code vn.childsafe.case.<kind>.v1}). */
    static boolean isCaseChange(String eventType) {
        return eventType.startsWith(EventTypes.CASE_TYPE_PREFIX)
                && eventType.endsWith(".v1")
                && !EventTypes.CASE_ROUTED.equals(eventType);
    }

    /** What a case event asks of notify; {@code null} for types notify does not act on. */
    private CaseAlerts alertsOf(String eventType, String body) {
        if (EventTypes.CASE_ROUTED.equals(eventType)) {
            CaseRouted event = eventPayloads.read(body, CaseRouted.class, "case.routed v1");
            List<String> urls =
                    event.takedownRequired() && event.takedownUrls() != null ? event.takedownUrls() : List.of();
            List<CaseAgency> assignments = event.assignments().stream()
                    .map(a -> new CaseAgency(a.agencyCode(), a.agencyType()))
                    .toList();
            return CaseAlerts.of(
                    CaseFacts.of(event),
                    AlertTargets.of(event),
                    t -> AlertPayload.caseRouted(event, t),
                    urls,
                    assignments);
        }
        if (isCaseChange(eventType)) {
            CaseEvent event = eventPayloads.read(body, CaseEvent.class, "CaseEvent v1");
            if (event.kind() == null || !event.kind().eventType().equals(eventType)) {
                throw EventPayloads.typeMismatch(eventType, "the event's kind " + event.kind());
            }
            List<String> urls = event.takedownUrls() == null ? List.of() : event.takedownUrls();
            List<CaseAgency> assignments = event.assignments() == null
                    ? List.of()
                    : event.assignments().stream()
                            .map(a -> new CaseAgency(a.agencyCode(), a.agencyType()))
                            .toList();
            return CaseAlerts.of(
                    CaseFacts.of(event),
                    AlertTargets.of(event),
                    t -> AlertPayload.caseChanged(event, t),
                    urls,
                    assignments);
        }
        return null;
    }

    /** The alerts of one case event, one payload per target, and the takedowns it asks for. */
    private record CaseAlerts(
            CaseFacts facts,
            List<AlertTarget> targets,
            List<AlertPayload> payloads,
            List<String> takedownUrls,
            List<CaseAgency> assignments) {

        static CaseAlerts of(
                CaseFacts facts,
                List<AlertTarget> targets,
                Function<AlertTarget, AlertPayload> payloadOf,
                List<String> takedownUrls,
                List<CaseAgency> assignments) {
            return new CaseAlerts(
                    facts, targets, targets.stream().map(payloadOf).toList(), takedownUrls, assignments);
        }

        UUID caseId() {
            return facts.caseId();
        }
    }

    private int createDeliveries(String eventId, CaseAlerts alerts) {
        Map<String, ContactPoint> points = contactPoints.byAgencyCode(
                alerts.targets().stream().map(AlertTarget::agencyCode).toList());
        int created = 0;
        for (int i = 0; i < alerts.targets().size(); i++) {
            AlertTarget target = alerts.targets().get(i);
            created += alertDeliveries.create(
                    Lane.of(alerts.facts().urgency()),
                    eventId,
                    alerts.caseId(),
                    target.agencyCode(),
                    target.role(),
                    toJson(alerts.payloads().get(i)),
                    points.get(target.agencyCode()));
        }
        return created;
    }

    private String toJson(AlertPayload payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An alert payload could not be serialised", e);
        }
    }
}
