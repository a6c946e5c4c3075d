package vn.childsafe.intake.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.messaging.EventHandler;
import vn.childsafe.commons.messaging.EventPayloads;
import vn.childsafe.commons.messaging.IncomingEvent;
import vn.childsafe.intake.service.CaseProjection;

/**
 * Consumes {@code cases.events.v1} and its urgent lane (urgent first), in batches, into intake's status
 * projection. A record that cannot be applied goes to {@code intake-service.dlq} with the reason; a database or
 * broker outage is waited out (see {@link vn.childsafe.commons.messaging.EventConsumers}).
 */
@ApplicationScoped
public class CaseEventsConsumer implements EventHandler<Void> {

    @Inject
    EventPayloads payloads;

    @Inject
    CaseProjection projection;

    @Override
    public Subscription subscription() {
        return Subscription.laned(CaseProjection.CONSUMER, EventTypes.CASES_TOPIC);
    }

    @Override
    public void handle(IncomingEvent event, Void context) {
        if (!event.eventType().startsWith(EventTypes.CASE_TYPE_PREFIX)) {
            throw EventPayloads.typeMismatch(event.eventType(), "a case event (" + EventTypes.CASE_TYPE_PREFIX + "*)");
        }
        // Every case event carries what the projection reads, whatever its kind: read as a tree, not per type.
        projection.apply(event.eventId(), payloads.read(event.value(), ObjectNode.class, "case event"));
    }
}
