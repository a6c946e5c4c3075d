package vn.childsafe.commons.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.childsafe.commons.messaging.IncomingEvent;

/**
 * Makes a Kafka consumer idempotent: {@link #firstDeliveries} records a batch's event ids in the consumer's
 * transaction and says which were new. A redelivered record (same {@code ce_id}) then changes nothing.
 *
 * <p>Rows older than {@code childsafe.inbox.retention} (default 30 days, longer than the topics keep records, so no
 * record still on a topic can come back after its row is gone) are deleted by {@link #purgeIfDue}, at most hourly.
 */
@ApplicationScoped
public class Inbox {

    private static final Duration PURGE_EVERY = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "childsafe.inbox.retention", defaultValue = "P30D")
    Duration retention;

    private volatile Instant lastPurge = Instant.EPOCH;

    /**
     * Records that {@code consumer} handles a batch of events, in one statement.
     *
     * @return the ids of the events handled for the first time; a repeated id (redelivery, or twice in the batch)
     *         is not among them
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(String consumer, List<IncomingEvent> events) {
        Map<String, String> typesById = new LinkedHashMap<>();
        events.forEach(e -> typesById.putIfAbsent(e.eventId(), e.eventType()));
        StringBuilder sql =
                new StringBuilder("INSERT INTO inbox_event (consumer, event_id, event_type, processed_at) VALUES ");
        for (int i = 0; i < typesById.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(?1, ?")
                    .append(2 * i + 3)
                    .append(", ?")
                    .append(2 * i + 4)
                    .append(", ?2)");
        }
        sql.append(" ON CONFLICT DO NOTHING RETURNING event_id");
        var query =
                em.createNativeQuery(sql.toString()).setParameter(1, consumer).setParameter(2, Instant.now(clock));
        int position = 3;
        for (Map.Entry<String, String> entry : typesById.entrySet()) {
            query.setParameter(position++, entry.getKey()).setParameter(position++, entry.getValue());
        }
        Set<String> fresh = new HashSet<>();
        for (Object id : query.getResultList()) {
            fresh.add((String) id);
        }
        return fresh;
    }

    /** Deletes the rows older than the retention, if the last purge is an hour old; in a transaction of its own. */
    public void purgeIfDue() {
        Instant now = Instant.now(clock);
        if (Duration.between(lastPurge, now).compareTo(PURGE_EVERY) < 0) {
            return;
        }
        lastPurge = now;
        int deleted = QuarkusTransaction.requiringNew().call(() -> purge(now.minus(retention)));
        if (deleted > 0) {
            LOG.infof("Deleted %d inbox rows older than %s", deleted, retention);
        }
    }

    /** Deletes the rows of events processed before {@code before}; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int purge(Instant before) {
        return em.createNativeQuery("DELETE FROM inbox_event WHERE processed_at < :before")
                .setParameter("before", before)
                .executeUpdate();
    }
}
