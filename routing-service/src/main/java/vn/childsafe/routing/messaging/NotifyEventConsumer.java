package vn.childsafe.routing.messaging;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.commons.events.NotifyEvent;
import vn.childsafe.routing.service.NotifyTimelineService;

/**
 * Consumes {@code notify.events.v1} (channel {@code notify}, group {@code routing-service}): each delivery or
 * takedown outcome becomes a timeline entry on its case. A record that cannot be applied (no {@code ce_id}, a type
 * that is not a notify event, a payload that is not a NotifyEvent, an unknown case) goes to
 * {@code notify.events.v1.dlq} with the reason; the inbox makes redelivery harmless.
 */
@ApplicationScoped
public class NotifyEventConsumer {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    NotifyTimelineService timeline;

    @Incoming("notify")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String eventId = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        String eventType = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        try {
            if (eventId == null || eventId.isBlank()) {
                throw new MalformedEventException("missing CloudEvents header " + CloudEventHeaders.ID);
            }
            NotifyEvent event = parse(record.value());
            if (!event.kind().eventType().equals(eventType)) {
                throw new MalformedEventException("ce_type '" + PoisonRecords.shorten(eventType)
                        + "' does not match kind "
                        + event.kind() + " (expected " + event.kind().eventType() + ")");
            }
            timeline.record(eventId, eventType, event);
        } catch (MalformedEventException e) {
            PoisonRecords.logDeadLetter(record, eventId, e);
            throw e;
        }
    }

    NotifyEvent parse(String payload) {
        if (payload == null || payload.isBlank()) {
            throw new MalformedEventException("empty payload");
        }
        NotifyEvent event;
        try {
            event = objectMapper.readValue(payload, NotifyEvent.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("payload is not a valid NotifyEvent v1 JSON document ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (event == null || event.caseId() == null || event.kind() == null || event.occurredAt() == null
                || event.summary() == null) {
            throw new MalformedEventException("payload lacks one of the required fields caseId, kind, occurredAt, "
                    + "summary (kinds: " + Arrays.toString(NotifyEvent.Kind.values()) + ")");
        }
        return event;
    }
}
