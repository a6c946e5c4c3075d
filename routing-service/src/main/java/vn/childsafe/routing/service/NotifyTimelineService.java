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
        if (event.agencyCode() != null) {
            facts.add("đơn vị " + event.agencyCode());
        }
        if (event.channel() != null) {
            facts.add("kênh " + event.channel());
        }
        if (event.platformCode() != null) {
            facts.add("nền tảng " + event.platformCode());
        }
        if (event.result() != null) {
            facts.add("kết quả " + event.result());
        }
        if (event.deadline() != null) {
            facts.add("hạn " + event.deadline());
        }
        if (event.takedownRequestId() != null) {
            facts.add("yêu cầu gỡ " + event.takedownRequestId());
        }
        if (event.deliveryId() != null) {
            facts.add("lượt gửi " + event.deliveryId());
        }
        String summary = event.summary() == null ? "" : event.summary().strip();
        return facts.isEmpty() ? summary : summary + " (" + String.join(", ", facts) + ")";
    }
}
