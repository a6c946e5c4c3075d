package vn.childsafe.commons.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.commons.events.Lane;
import vn.childsafe.commons.tracing.TraceContexts;

/**
 * Writes events to the outbox in the caller's transaction. The event is published to Kafka by
 * {@link OutboxRelay} once, and only if, that transaction commits.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    /**
     * Appends an event of a single-lane topic to the outbox; it is relayed after every pending urgent event.
     *
     * @see #append(Lane, String, String, String, String, Object)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String aggregateType, String aggregateId, String eventType, Object payload) {
        return write(topic, Lane.NORMAL, aggregateType, aggregateId, eventType, payload);
    }

    /**
     * Appends an event to the outbox, in its lane: it goes to that lane's topic, and the relay publishes urgent
     * events before normal ones.
     *
     * @param lane          the lane of the aggregate (by its urgency)
     * @param topic         the topic family (its normal lane's name); the urgent lane adds {@code .urgent}
     * @param aggregateType the kind of aggregate (report, case ...)
     * @param aggregateId   Kafka key: all events of one aggregate land in one partition, in order
     * @param eventType     CloudEvents type, e.g. {@code vn.childsafe.report.received.v1}
     * @param payload       the event body, serialised as JSON
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(
            Lane lane, String topic, String aggregateType, String aggregateId, String eventType, Object payload) {
        return write(lane.topic(topic), lane, aggregateType, aggregateId, eventType, payload);
    }

    private UUID write(
            String topic, Lane lane, String aggregateType, String aggregateId, String eventType, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.priority = lane.priority();
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.eventType = eventType;
        event.payload = toJson(payload);
        event.createdAt = Instant.now(clock);
        event.traceparent = TraceContexts.current();
        em.persist(event);
        relay.wakeUpAfterCommit(transactions);
        return event.id;
    }

    private String toJson(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload cannot be serialised: " + payload.getClass(), e);
        }
    }
}
