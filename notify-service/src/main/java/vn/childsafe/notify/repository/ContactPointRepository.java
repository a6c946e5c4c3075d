package vn.childsafe.notify.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Reads and writes contact points. */
@ApplicationScoped
public class ContactPointRepository {

    @Inject
    EntityManager em;

    public Optional<ContactPoint> find(String agencyCode) {
        return Optional.ofNullable(em.find(ContactPoint.class, agencyCode));
    }

    /** The contact points of these agencies that exist, by agency code (one query for a whole case). */
    public Map<String, ContactPoint> findAll(Collection<String> agencyCodes) {
        if (agencyCodes.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT c FROM ContactPoint c WHERE c.agencyCode IN :codes", ContactPoint.class)
                .setParameter("codes", agencyCodes)
                .getResultStream()
                .collect(Collectors.toMap(c -> c.agencyCode, Function.identity()));
    }

    /**
     * Creates an empty contact point unless one exists, and locks it for the caller's transaction. Concurrent
     * create-or-replace calls for one agency therefore queue up instead of failing on the primary key.
     *
     * @return whether the contact point was created by this call, and the locked entity
     */
    public Locked lockOrCreate(String agencyCode, Instant now) {
        boolean created = em.createNativeQuery("INSERT INTO contact_point (agency_code, created_at, updated_at) "
                + "VALUES (:code, :now, :now) ON CONFLICT (agency_code) DO NOTHING")
                .setParameter("code", agencyCode)
                .setParameter("now", now)
                .executeUpdate() == 1;
        ContactPoint contactPoint = em.find(ContactPoint.class, agencyCode, LockModeType.PESSIMISTIC_WRITE);
        return new Locked(created, contactPoint);
    }

    /** A contact point locked for update, and whether it was just created. */
    public record Locked(boolean created, ContactPoint contactPoint) {
    }
}
