package vn.childsafe.intake.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.intake.service.CaseProjection;

/**
 * Consumes {@code cases.events.v1} (channel {@code case-events}) into intake's status projection. A record that
 * cannot be applied is nacked and moved to {@code cases.events.v1.dlq} by the channel's failure strategy, so the
 * partition keeps flowing.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CaseEventsConsumer.class);

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CaseProjection projection;

    @Incoming("case-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String eventId = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        String eventType = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        try {
            if (eventId == null || eventType == null || !eventType.startsWith("vn.childsafe.case.")) {
                throw new IllegalArgumentException("not a case event (ce_id/ce_type missing or foreign)");
            }
            projection.apply(eventId, eventType, parse(record.value()));
        } catch (IllegalArgumentException e) {
            LOG.warnf("Record %s-%d@%d sent to the dead-letter topic: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            throw e;
        }
    }

    private JsonNode parse(String value) {
        try {
            JsonNode node = value == null ? null : objectMapper.readTree(value);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("payload is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not JSON");
        }
    }
}
