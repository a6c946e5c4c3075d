package vn.childsafe.routing.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.childsafe.commons.events.NotifyEvent;
import vn.childsafe.commons.messaging.UnprocessableEventException;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.RoutingCase;
import vn.childsafe.routing.cases.TimelineEntry;

/**
 * Puts delivery and takedown outcomes reported by notify-service ({@code notify.events.v1}) on the case's
 * timeline, once per event: the consumer writes the inbox entry and the timeline row in one transaction.
 */
@ApplicationScoped
public class NotifyTimelineService {

    /** Inbox consumer name for notify.events.v1. */
    public static final String CONSUMER = "routing-service.notify-events";
    /** Actor of the timeline entries. */
    public static final String ACTOR = "notify-service";

    @Inject
    CaseRepository cases;

    /**
     * Puts one notify event on its case's timeline, in the consumer's transaction (which holds the inbox entry).
     *
     * @throws UnprocessableEventException if the case does not exist (it goes to the dead-letter topic)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String eventId, NotifyEvent event) {
        RoutingCase c = cases.lockById(event.caseId())
                .orElseThrow(() -> new UnprocessableEventException("no case " + event.caseId()));
        TimelineEntry entry = TimelineEntry.of(
                c.id, event.occurredAt(), "NOTIFY_" + event.kind().name(), ACTOR, detail(event), null);
        entry.sourceEventId = eventId;
        cases.addTimeline(entry);
    }

    /** The summary plus the routing facts of the event: codes and results, never personal data. */
    static String detail(NotifyEvent event) {
        List<String> facts = new ArrayList<>();
        addFact(facts, "đơn vị", event.agencyCode());
        addFact(facts, "kênh", event.channel());
        addFact(facts, "nền tảng", event.platformCode());
        addFact(facts, "kết quả", event.result());
        addFact(facts, "hạn", event.deadline());
        addFact(facts, "yêu cầu gỡ", event.takedownRequestId());
        addFact(facts, "lượt gửi", event.deliveryId());
        String summary = event.summary() == null ? "" : event.summary().strip();
        return facts.isEmpty() ? summary : summary + " (" + String.join(", ", facts) + ")";
    }

    private static void addFact(List<String> facts, String label, Object value) {
        if (value != null) {
            facts.add(label + " " + value);
        }
    }
}
