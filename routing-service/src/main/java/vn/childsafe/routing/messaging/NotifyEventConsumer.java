package vn.childsafe.routing.messaging;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.NotifyEvent;
import vn.childsafe.commons.messaging.DeadLetters;
import vn.childsafe.commons.messaging.EventHandler;
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
    ObjectMapper objectMapper;

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
            throw new UnprocessableEventException("ce_type '" + DeadLetters.shorten(record.eventType())
                    + "' does not match kind " + event.kind() + " (expected " + event.kind().eventType() + ")");
        }
        timeline.record(record.eventId(), event);
    }

    NotifyEvent parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new UnprocessableEventException("empty payload");
        }
        NotifyEvent event;
        try {
            event = objectMapper.readValue(payload, NotifyEvent.class);
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException("payload is not a valid NotifyEvent v1 JSON document ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (event == null || event.caseId() == null || event.kind() == null || event.occurredAt() == null
                || event.summary() == null) {
            throw new UnprocessableEventException("payload lacks one of the required fields caseId, kind, "
                    + "occurredAt, summary (kinds: " + Arrays.toString(NotifyEvent.Kind.values()) + ")");
        }
        return event;
    }
}
