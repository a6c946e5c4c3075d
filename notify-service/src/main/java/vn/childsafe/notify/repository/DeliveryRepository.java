package vn.childsafe.notify.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import vn.childsafe.notify.domain.DeliveryState;

/** Reads and writes deliveries; the dispatcher's claim and result updates live here. */
@ApplicationScoped
public class DeliveryRepository {

    @Inject
    EntityManager em;

    public void persist(Delivery delivery) {
        em.persist(delivery);
    }

    public void flush() {
        em.flush();
    }

    public Optional<Delivery> lock(UUID id) {
        return Optional.ofNullable(em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Deliveries, newest first, optionally of one case and/or in one state. */
    public List<Delivery> list(UUID caseId, DeliveryState state, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT d FROM Delivery d WHERE 1 = 1");
        if (caseId != null) {
            jpql.append(" AND d.caseId = :caseId");
        }
        if (state != null) {
            jpql.append(" AND d.state = :state");
        }
        jpql.append(" ORDER BY d.createdAt DESC, d.agencyCode");
        var query = em.createQuery(jpql.toString(), Delivery.class).setMaxResults(limit);
        if (caseId != null) {
            query.setParameter("caseId", caseId);
        }
        if (state != null) {
            query.setParameter("state", state);
        }
        return query.getResultList();
    }

    /**
     * Locks up to {@code limit} due PENDING deliveries, skipping those another instance holds: the urgent lane
     * first, then first attempts before retries, then oldest due first. At most {@code retryLimit} of them are
     * retries, so retries to a failing endpoint never take every send slot from fresh alerts. The caller pushes
     * their {@code next_attempt_at} forward (the lease) before committing, so no other instance claims them again
     * while the attempt is in flight.
     */
    @SuppressWarnings("unchecked")
    public List<Delivery> lockDue(Instant now, int limit, int retryLimit) {
        List<Delivery> due = em.createNativeQuery("SELECT * FROM delivery WHERE state = 'PENDING' "
                + "AND next_attempt_at <= :now AND (attempts = 0 OR :retries > 0) "
                + "ORDER BY priority, (attempts > 0), next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED",
                Delivery.class)
                .setParameter("now", now)
                .setParameter("retries", retryLimit)
                .setParameter("limit", limit)
                .getResultList();
        List<Delivery> claimed = new ArrayList<>(due.size());
        int retries = 0;
        for (Delivery delivery : due) {
            if (delivery.attempts == 0 || retries++ < retryLimit) {
                claimed.add(delivery);
            }
        }
        return claimed;
    }

    /**
     * Records 2xx answers with the same status code. Any attempt's success counts, even one whose lease ran out, as
     * long as the delivery is still PENDING.
     *
     * @return the ids of the deliveries updated
     */
    @SuppressWarnings("unchecked")
    public Set<UUID> markDelivered(List<UUID> ids, Instant now, Integer statusCode) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createNativeQuery("UPDATE delivery SET state = 'DELIVERED', delivered_at = :now, "
                + "next_attempt_at = NULL, last_status_code = CAST(:status AS INTEGER), last_error = NULL "
                + "WHERE id IN (:ids) AND state = 'PENDING' RETURNING id", UUID.class)
                .setParameter("now", now)
                .setParameter("status", statusCode)
                .setParameter("ids", ids)
                .getResultList());
    }

    /**
     * Records a failed attempt: either the next attempt's time ({@code state} PENDING) or the final FAILED. Only
     * applies if {@code attempt} is still the latest attempt, so a late result of an attempt whose lease expired
     * (and that was claimed again) cannot overwrite the newer one.
     *
     * @return whether the delivery was updated
     */
    public boolean markAttemptFailed(UUID id, int attempt, DeliveryState state, Instant nextAttemptAt,
            String error, Integer statusCode) {
        return em.createQuery("UPDATE Delivery d SET d.state = :state, d.nextAttemptAt = :next, "
                + "d.lastError = :error, d.lastStatusCode = :status "
                + "WHERE d.id = :id AND d.state = :pending AND d.attempts = :attempt")
                .setParameter("state", state)
                .setParameter("next", nextAttemptAt)
                .setParameter("error", error)
                .setParameter("status", statusCode)
                .setParameter("id", id)
                .setParameter("pending", DeliveryState.PENDING)
                .setParameter("attempt", attempt)
                .executeUpdate() == 1;
    }
}
