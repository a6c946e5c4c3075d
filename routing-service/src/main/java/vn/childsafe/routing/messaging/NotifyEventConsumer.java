package vn.childsafe.routing.messaging;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.NotifyEvent;
import vn.childsafe.commons.messaging.EventHandler;
import vn.childsafe.commons.messaging.EventPayloads;
import vn.childsafe.commons.messaging.IncomingEvent;
import vn.childsafe.commons.messaging.UnprocessableEventException;
import vn.childsafe.routing.service.NotifyTimelineService;

/**
 * Consumes {@code notify.events.v1} in batches: each delivery or takedown outcome becomes a timeline entry on its
 * case. A record that cannot be applied (a type that is not a notify event, a payload that is not a NotifyEvent,
 * an unknown case) goes to {@code routing-service.dlq} with the reason; the inbox makes redelivery harmless.
 */
@ApplicationScoped
public class NotifyEventConsumer implements EventHandler<Void> {

    @Inject
    EventPayloads payloads;

    @Inject
    NotifyTimelineService timeline;

    @Override
    public Subscription subscription() {
        return Subscription.single(NotifyTimelineService.CONSUMER, EventTypes.NOTIFY_TOPIC);
    }

    @Override
    public void handle(IncomingEvent record, Void context) {
        NotifyEvent event = parse(record.value());
        if (!event.kind().eventType().equals(record.eventType())) {
            throw EventPayloads.typeMismatch(
                    record.eventType(),
                    "kind " + event.kind() + " (expected " + event.kind().eventType() + ")");
        }
        timeline.record(record.eventId(), event);
    }

    NotifyEvent parse(String payload) {
        NotifyEvent event = payloads.read(payload, NotifyEvent.class, "NotifyEvent v1");
        if (event.caseId() == null || event.kind() == null || event.occurredAt() == null || event.summary() == null) {
            throw new UnprocessableEventException("payload lacks one of the required fields caseId, kind, "
                    + "occurredAt, summary (kinds: " + Arrays.toString(NotifyEvent.Kind.values()) + ")");
        }
        return event;
    }
}
