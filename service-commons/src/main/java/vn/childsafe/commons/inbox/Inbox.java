package vn.childsafe.commons.inbox;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Makes a Kafka consumer idempotent: {@link #firstDelivery} records an event id in the consumer's transaction
 * and says whether it was new. A redelivered record (same {@code ce_id}) then changes nothing.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Records that {@code consumer} handles event {@code eventId}.
     *
     * @return {@code true} the first time, {@code false} if the event was already handled
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId, String eventType) {
        return em.createNativeQuery("INSERT INTO inbox_event (consumer, event_id, event_type, processed_at) "
                + "VALUES (:consumer, :eventId, :eventType, :now) ON CONFLICT DO NOTHING")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .setParameter("eventType", eventType)
                .setParameter("now", Instant.now(clock))
                .executeUpdate() == 1;
    }
}
