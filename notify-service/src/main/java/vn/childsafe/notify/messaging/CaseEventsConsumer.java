package vn.childsafe.notify.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;
import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.notify.domain.InvalidCaseEventException;
import vn.childsafe.notify.service.CaseAlertService;

/**
 * Consumes {@code cases.events.v1} (channel {@code cases}, consumer group {@code notify-service}). Each record is
 * a CloudEvent in binary mode: {@code ce_id} and {@code ce_type} headers, the event JSON as value, the case id as
 * key. Records of one partition are handled in order.
 *
 * <p>
 * A record that throws is nacked and, by the channel's {@code dead-letter-queue} failure strategy, published to
 * {@code cases.events.v1.dlq} with the reason in its headers; consumption goes on with the next record. A
 * malformed record gets there at once, a transient failure only after {@link CaseAlertService}'s retries.
 */
@ApplicationScoped
public class CaseEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CaseEventsConsumer.class);

    @Inject
    CaseAlertService alerts;

    @Incoming("cases")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String eventId = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        String eventType = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        try {
            if (eventId == null || eventId.isBlank() || eventType == null || eventType.isBlank()) {
                throw new InvalidCaseEventException("The record lacks its ce_id or ce_type header");
            }
            int created = alerts.onCaseEvent(eventId, eventType, record.value());
            LOG.debugf("Case event %s (%s) of case %s: %d deliveries", eventId, eventType, record.key(), created);
        } catch (InvalidCaseEventException e) {
            // Position and reason only: the value of a malformed record may hold anything.
            LOG.warnf("Case event at %s-%d@%d (key %s) goes to the dead-letter topic: %s", record.topic(),
                    record.partition(), record.offset(), record.key(), e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf("Case event %s at %s-%d@%d still failed after retries and goes to the dead-letter topic: %s",
                    eventId, record.topic(), record.partition(), record.offset(), e.toString());
            throw e;
        }
    }
}
