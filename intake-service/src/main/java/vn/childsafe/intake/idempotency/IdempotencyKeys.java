package vn.childsafe.intake.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import vn.childsafe.intake.config.IntakeConfig;

/**
 * Claims, completes and forgets {@code Idempotency-Key}s. A key is claimed in its own short transaction before
 * the report is stored, so a concurrent duplicate sees it in progress (409) instead of waiting or duplicating.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** What claiming a key found. */
    public enum Claim {
        /** The key is new (or expired): go ahead. */
        CLAIMED,
        /** A request with this key is being processed right now. */
        IN_PROGRESS,
        /** A request with this key was answered; replay the answer if the body is the same. */
        COMPLETED,
        /** The key was used with another body. */
        DIFFERENT_BODY
    }

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    IntakeConfig config;

    /** Claims {@code key} for {@code clientId}, reclaiming it if it expired. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String clientId, String key, String requestHash) {
        Instant now = Instant.now(clock);
        int claimed = em.createNativeQuery("""
                INSERT INTO idempotency_key (client_id, idem_key, request_hash, state, created_at, expires_at)
                VALUES (:client, :key, :hash, 'IN_PROGRESS', :now, :expires)
                ON CONFLICT (client_id, idem_key) DO UPDATE
                   SET request_hash = EXCLUDED.request_hash, state = 'IN_PROGRESS', report_id = NULL,
                       response_body = NULL, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                 WHERE idempotency_key.expires_at < :now""")
                .setParameter("client", clientId).setParameter("key", key).setParameter("hash", requestHash)
                .setParameter("now", now).setParameter("expires", now.plus(config.idempotencyRetention()))
                .executeUpdate();
        if (claimed == 1) {
            return Claim.CLAIMED;
        }
        IdempotencyRecord existing = find(clientId, key);
        if (!existing.requestHash.equals(requestHash)) {
            return Claim.DIFFERENT_BODY;
        }
        return existing.state == IdempotencyRecord.State.COMPLETED ? Claim.COMPLETED : Claim.IN_PROGRESS;
    }

    /** Records the answer, in the transaction that stored the report. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String clientId, String key, UUID reportId, String responseBody) {
        IdempotencyRecord record = find(clientId, key);
        record.state = IdempotencyRecord.State.COMPLETED;
        record.reportId = reportId;
        record.responseBody = responseBody;
    }

    /** Frees a key whose request failed, so that the client can retry with it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String clientId, String key) {
        em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.clientId = :client AND r.key = :key "
                + "AND r.state = :state")
                .setParameter("client", clientId).setParameter("key", key)
                .setParameter("state", IdempotencyRecord.State.IN_PROGRESS).executeUpdate();
    }

    @Transactional
    public IdempotencyRecord find(String clientId, String key) {
        return em.createQuery("FROM IdempotencyRecord r WHERE r.clientId = :client AND r.key = :key",
                IdempotencyRecord.class)
                .setParameter("client", clientId).setParameter("key", key).getSingleResult();
    }

    /** Forgets expired keys. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteExpired() {
        em.createQuery("DELETE FROM IdempotencyRecord r WHERE r.expiresAt < :now")
                .setParameter("now", Instant.now(clock)).executeUpdate();
    }
}
