package vn.childsafe.intake.idempotency;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.NoResultException;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes the {@code Idempotency-Key}s of clients. */
@ApplicationScoped
public class IdempotencyRecordRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    /**
     * Inserts {@code key} as in progress, or takes it over if it expired, in one statement, so that of two
     * concurrent claims exactly one wins.
     *
     * @return whether this call claimed the key
     */
    public boolean claim(String clientId, String key, String requestHash, Instant now, Instant expiresAt) {
        return getEntityManager()
                        .createNativeQuery("""
                INSERT INTO idempotency_key (client_id, idem_key, request_hash, state, created_at, expires_at)
                VALUES (:client, :key, :hash, 'IN_PROGRESS', :now, :expires)
                ON CONFLICT (client_id, idem_key) DO UPDATE
                   SET request_hash = EXCLUDED.request_hash, state = 'IN_PROGRESS', report_id = NULL,
                       response_body = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                 WHERE idempotency_key.expires_at < :now""")
                        .setParameter("client", clientId)
                        .setParameter("key", key)
                        .setParameter("hash", requestHash)
                        .setParameter("now", now)
                        .setParameter("expires", expiresAt)
                        .executeUpdate()
                == 1;
    }

    /**
     * The record of {@code key}.
     *
     * @throws NoResultException if there is none
     */
    public IdempotencyRecord get(String clientId, String key) {
        // An alias qualifies "key", which is also the name of a JPQL function (KEY()).
        return getEntityManager()
                .createQuery(
                        "FROM IdempotencyRecord r WHERE r.clientId = :client AND r.key = :key", IdempotencyRecord.class)
                .setParameter("client", clientId)
                .setParameter("key", key)
                .getSingleResult();
    }

    /** Deletes {@code key} if its request is still in progress. */
    public void deleteInProgress(String clientId, String key) {
        getEntityManager()
                .createQuery("DELETE FROM IdempotencyRecord r WHERE r.clientId = :client AND r.key = :key "
                        + "AND r.state = :state")
                .setParameter("client", clientId)
                .setParameter("key", key)
                .setParameter("state", IdempotencyRecord.State.IN_PROGRESS)
                .executeUpdate();
    }

    /** Deletes the keys expired at {@code now}. */
    public void deleteExpired(Instant now) {
        delete("expiresAt < ?1", now);
    }
}
