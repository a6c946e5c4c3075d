package vn.childsafe.notify.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.childsafe.notify.domain.DeliveryState;

/** Reads and writes deliveries; the dispatcher's claim and result updates live here. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    /** Deliveries, newest first, optionally of one case and/or in one state. */
    public List<Delivery> list(UUID caseId, DeliveryState state, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (caseId != null) {
            query.append(" and caseId = :caseId");
            params.and("caseId", caseId);
        }
        if (state != null) {
            query.append(" and state = :state");
            params.and("state", state);
        }
        return find(query.toString(), Sort.descending("createdAt").and("agencyCode"), params)
                .range(0, limit - 1)
                .list();
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
        List<Delivery> due = getEntityManager()
                .createNativeQuery(
                        "SELECT * FROM delivery WHERE state = 'PENDING' "
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
        return new HashSet<>(getEntityManager()
                .createNativeQuery(
                        "UPDATE delivery SET state = 'DELIVERED', "
                                + "delivered_at = :now, next_attempt_at = NULL, last_status_code = CAST(:status AS INTEGER), last_error = NULL "
                                + "WHERE id IN (:ids) AND state = 'PENDING' RETURNING id",
                        UUID.class)
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
    public boolean markAttemptFailed(
            UUID id, int attempt, DeliveryState state, Instant nextAttemptAt, String error, Integer statusCode) {
        return update(
                        "state = :state, nextAttemptAt = :next, lastError = :error, lastStatusCode = :status "
                                + "where id = :id and state = :pending and attempts = :attempt",
                        Parameters.with("state", state)
                                .and("next", nextAttemptAt)
                                .and("error", error)
                                .and("status", statusCode)
                                .and("id", id)
                                .and("pending", DeliveryState.PENDING)
                                .and("attempt", attempt))
                == 1;
    }
}
