package vn.childsafe.notify.contact;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reads and writes contact points, by agency code. */
@ApplicationScoped
public class ContactPointRepository implements PanacheRepositoryBase<ContactPoint, String> {

    /** The contact points of these agencies that exist, by agency code (one query for a whole case). */
    public Map<String, ContactPoint> byAgencyCode(Collection<String> agencyCodes) {
        if (agencyCodes.isEmpty()) {
            return Map.of();
        }
        return list("agencyCode in ?1", agencyCodes).stream()
                .collect(Collectors.toMap(c -> c.agencyCode, Function.identity()));
    }

    /**
     * Creates an empty contact point unless one exists, and locks it for the caller's transaction. Concurrent
     * create-or-replace calls for one agency therefore queue up instead of failing on the primary key.
     *
     * @return whether the contact point was created by this call, and the locked entity
     */
    public Locked lockOrCreate(String agencyCode, Instant now) {
        boolean created = getEntityManager()
                        .createNativeQuery("INSERT INTO contact_point (agency_code, created_at, "
                                + "updated_at) VALUES (:code, :now, :now) ON CONFLICT (agency_code) DO NOTHING")
                        .setParameter("code", agencyCode)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
        return new Locked(created, findById(agencyCode, LockModeType.PESSIMISTIC_WRITE));
    }

    /** A contact point locked for update, and whether it was just created. */
    public record Locked(boolean created, ContactPoint contactPoint) {}
}
