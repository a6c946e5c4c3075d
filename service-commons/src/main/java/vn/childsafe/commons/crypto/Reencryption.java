package vn.childsafe.commons.crypto;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Rewrites every encrypted value that is not yet under the active key, or not yet bound to its row and field, so
 * that an operator can retire an old key (docs/runbook.md, "Rotating an encryption key"). Runs on a schedule, in
 * small transactions; the gauge {@code childsafe_keyring_stale_values} says how many values still wait, and the key
 * can leave the ring once it reads 0.
 */
@ApplicationScoped
@Startup
public class Reencryption {

    private static final Logger LOG = Logger.getLogger(Reencryption.class);

    @Inject
    FieldCipher cipher;

    @Inject
    EntityManager em;

    @Inject
    KeyRingConfig config;

    @Inject
    Instance<EncryptedColumns> services;

    private final AtomicLong stale = new AtomicLong(-1);

    @Inject
    void registerGauge(MeterRegistry registry) {
        registry.gauge("childsafe.keyring.stale.values", stale);
    }

    @Scheduled(
            every = "${childsafe.keyring.reencrypt-every:10m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        run();
    }

    /**
     * Re-encrypts everything that needs it.
     *
     * @return how many values were rewritten
     */
    public int run() {
        int rewritten = 0;
        for (EncryptedColumn column : columns()) {
            Batch batch = new Batch(null, 0, 0);
            do {
                String after = batch.lastId();
                batch = QuarkusTransaction.requiringNew().call(() -> reencryptBatch(column, after));
                rewritten += batch.rewritten();
            } while (batch.read() == config.reencryptBatchSize());
        }
        long remaining = QuarkusTransaction.requiringNew().call(this::countStale);
        stale.set(remaining);
        if (rewritten > 0 || remaining > 0) {
            LOG.infof("Re-encrypted %d values under key %s; %d still wait", rewritten, cipher.activeKeyId(), remaining);
        }
        return rewritten;
    }

    /** How many values are not yet under the active key (bound to their context). */
    public long countStale() {
        long total = 0;
        for (EncryptedColumn c : columns()) {
            total += ((Number) em.createNativeQuery("SELECT count(*) FROM " + c.table() + " WHERE " + c.column()
                                    + " IS NOT NULL AND " + c.column() + " NOT LIKE :current")
                            .setParameter("current", cipher.currentPattern())
                            .getSingleResult())
                    .longValue();
        }
        return total;
    }

    /** One batch: rows read, values rewritten, and the last id read (keyset paging past unreadable values). */
    private record Batch(String lastId, int read, int rewritten) {}

    private Batch reencryptBatch(EncryptedColumn c, String after) {
        String id = c.idColumn();
        Query query = em.createNativeQuery("SELECT CAST(" + id + " AS text), " + c.column() + " FROM "
                        + c.table() + " WHERE " + c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE :current"
                        + (after == null ? "" : " AND " + id + " > CAST(:after AS " + c.idType() + ")")
                        + " ORDER BY " + id + " LIMIT :limit FOR UPDATE SKIP LOCKED")
                .setParameter("current", cipher.currentPattern())
                .setParameter("limit", config.reencryptBatchSize());
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        int rewritten = 0;
        String lastId = after;
        for (Object[] row : rows) {
            lastId = (String) row[0];
            String value;
            try {
                value = cipher.reencrypt((String) row[1], c.context(lastId));
            } catch (RuntimeException e) {
                // Never the value itself: it may be a name. The row stays as it is and is counted as stale.
                LOG.errorf("%s of %s %s cannot be re-encrypted: %s", c.column(), c.table(), lastId, e.getMessage());
                continue;
            }
            em.createNativeQuery("UPDATE " + c.table() + " SET " + c.column() + " = :value WHERE " + id
                            + " = CAST(:id AS " + c.idType() + ")")
                    .setParameter("value", value)
                    .setParameter("id", lastId)
                    .executeUpdate();
            rewritten++;
        }
        return new Batch(lastId, rows.size(), rewritten);
    }

    private List<EncryptedColumn> columns() {
        return services.stream().flatMap(s -> s.columns().stream()).toList();
    }
}
