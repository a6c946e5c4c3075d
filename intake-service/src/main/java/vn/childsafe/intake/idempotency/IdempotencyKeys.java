package vn.childsafe.intake.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    IdempotencyRecordRepository records;

    @Inject
    Clock clock;

    @Inject
    IntakeConfig config;

    /** Claims {@code key} for {@code clientId}, reclaiming it if it expired. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Claim claim(String clientId, String key, String requestHash) {
        Instant now = Instant.now(clock);
        if (records.claim(clientId, key, requestHash, now, now.plus(config.idempotencyRetention()))) {
            return Claim.CLAIMED;
        }
        IdempotencyRecord existing = records.get(clientId, key);
        if (!existing.requestHash.equals(requestHash)) {
            return Claim.DIFFERENT_BODY;
        }
        return existing.state == IdempotencyRecord.State.COMPLETED ? Claim.COMPLETED : Claim.IN_PROGRESS;
    }

    /** Records the answer, in the transaction that stored the report. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String clientId, String key, UUID reportId, String responseBody) {
        IdempotencyRecord record = records.get(clientId, key);
        record.state = IdempotencyRecord.State.COMPLETED;
        record.reportId = reportId;
        record.responseBody = responseBody;
    }

    /** Frees a key whose request failed, so that the client can retry with it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String clientId, String key) {
        records.deleteInProgress(clientId, key);
    }

    @Transactional
    public IdempotencyRecord find(String clientId, String key) {
        return records.get(clientId, key);
    }

    /** Forgets expired keys. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteExpired() {
        records.deleteExpired(Instant.now(clock));
    }
}
