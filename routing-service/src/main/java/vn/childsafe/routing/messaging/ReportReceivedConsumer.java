package vn.childsafe.routing.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.commons.messaging.EventHandler;
import vn.childsafe.commons.messaging.EventPayloads;
import vn.childsafe.commons.messaging.IncomingEvent;
import vn.childsafe.commons.messaging.UnprocessableEventException;
import vn.childsafe.routing.service.CaseRoutingService;
import vn.childsafe.routing.service.RoutingResult;

/**
 * Consumes {@code reports.received.v1} and its urgent lane {@code reports.received.v1.urgent} (urgent first), in
 * batches, and hands each accepted report to {@link CaseRoutingService}. A record that can never be routed (wrong
 * {@code ce_type}, a payload that is not a ReportReceived) goes to {@code routing-service.dlq} with the reason; a
 * database or broker outage is waited out (see {@link vn.childsafe.commons.messaging.EventConsumers}).
 */
@ApplicationScoped
public class ReportReceivedConsumer implements EventHandler<CaseRoutingService.Context> {

    private static final Logger LOG = Logger.getLogger(ReportReceivedConsumer.class);

    @Inject
    EventPayloads payloads;

    @Inject
    CaseRoutingService routing;

    @Override
    public Subscription subscription() {
        return Subscription.laned(CaseRoutingService.CONSUMER, EventTypes.REPORTS_TOPIC);
    }

    @Override
    public CaseRoutingService.Context beforeBatch(List<IncomingEvent> batch) {
        return routing.context();
    }

    @Override
    public void handle(IncomingEvent event, CaseRoutingService.Context context) {
        EventPayloads.requireType(event, EventTypes.REPORT_RECEIVED);
        RoutingResult result = routing.route(event.eventId(), parse(event.value()), context);
        LOG.debugf("Event %s (%s): %s", event.eventId(), event.position(), result.outcome());
    }

    /** The payload as a ReportReceived, or an {@link UnprocessableEventException} saying what is wrong with it. */
    ReportReceived parse(String payload) {
        ReportReceived report = payloads.read(payload, ReportReceived.class, "ReportReceived v1");
        List<String> missing = new ArrayList<>();
        if (report.reportId() == null) {
            missing.add("reportId");
        }
        if (report.receivedAt() == null) {
            missing.add("receivedAt");
        }
        if (report.category() == null) {
            missing.add("category");
        }
        if (report.urgency() == null) {
            missing.add("urgency");
        }
        if (!missing.isEmpty()) {
            throw new UnprocessableEventException("payload lacks required field(s) " + String.join(", ", missing));
        }
        return report;
    }
}
