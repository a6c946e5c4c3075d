package vn.childsafe.intake.messaging;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.messaging.EventHandler;
import vn.childsafe.commons.messaging.IncomingEvent;
import vn.childsafe.commons.messaging.UnprocessableEventException;
import vn.childsafe.intake.service.CaseProjection;

/**
 * Consumes {@code cases.events.v1} and its urgent lane (urgent first), in batches, into intake's status
 * projection. A record that cannot be applied goes to {@code intake-service.dlq} with the reason; a database or
 * broker outage is waited out (see {@link vn.childsafe.commons.messaging.EventConsumers}).
 */
@ApplicationScoped
public class CaseEventsConsumer implements EventHandler<Void> {

    private static final String CASE_TYPE_PREFIX = "vn.childsafe.case.";

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CaseProjection projection;

    @Override
    public Subscription subscription() {
        return Subscription.laned(CaseProjection.CONSUMER, EventTypes.CASES_TOPIC);
    }

    @Override
    public void handle(IncomingEvent event, Void context) {
        if (!event.eventType().startsWith(CASE_TYPE_PREFIX)) {
            throw new UnprocessableEventException("not a case event (foreign ce_type)");
        }
        projection.apply(event.eventId(), parse(event.value()));
    }

    private JsonNode parse(String value) {
        try {
            JsonNode node = value == null ? null : objectMapper.readTree(value);
            if (node == null || !node.isObject()) {
                throw new UnprocessableEventException("payload is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnprocessableEventException("payload is not JSON");
        }
    }
}
