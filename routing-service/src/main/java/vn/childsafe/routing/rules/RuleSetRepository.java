package vn.childsafe.routing.rules;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The stored rule sets (table {@code rule_set}). There is no JPA entity for a rule set: its definition is a JSON
 * document that is written once and never changes, so this repository runs its SQL through the
 * {@link EntityManager} itself, like {@code geo/AdminUnitRepository}. Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class RuleSetRepository {

    @Inject
    EntityManager em;

    /** A stored rule set as a row: its definition is the stored JSON, {@code null} where not read. */
    public record StoredRuleSet(
            String version,
            String status,
            String description,
            Instant createdAt,
            String createdBy,
            Instant activatedAt,
            String definition) {}

    /** The version and JSON definition of the active rule set. */
    public record ActiveDefinition(String version, String definition) {}

    /** Stores the shipped default as a draft created by {@code system}, unless its version is stored already. */
    public void insertShippedDraft(String version, String description, String definition, Instant now) {
        em.createNativeQuery(
                        "INSERT INTO rule_set (version, status, description, definition, created_at, created_by) "
                                + "VALUES (:version, 'DRAFT', :description, :definition, :now, 'system') ON CONFLICT DO NOTHING")
                .setParameter("version", version)
                .setParameter("description", description)
                .setParameter("definition", definition)
                .setParameter("now", now)
                .executeUpdate();
    }

    /** Stores a new draft. */
    public void insert(String version, String description, String definition, Instant now, String actor) {
        em.createNativeQuery("INSERT INTO rule_set (version, status, description, definition, created_at, created_by) "
                        + "VALUES (:version, 'DRAFT', :description, :definition, :now, :actor)")
                .setParameter("version", version)
                .setParameter("description", description)
                .setParameter("definition", definition)
                .setParameter("now", now)
                .setParameter("actor", actor)
                .executeUpdate();
    }

    /**
     * Locks every row, in version order, until the transaction ends: concurrent activations lock in the same order,
     * so they run one after the other.
     */
    public void lockAll() {
        em.createNativeQuery("SELECT version FROM rule_set ORDER BY version FOR UPDATE")
                .getResultList();
    }

    /** Retires the active rule set if {@code system} created it and it is not {@code version}. */
    public void retireActiveShippedOtherThan(String version) {
        em.createNativeQuery("UPDATE rule_set SET status = 'RETIRED' WHERE status = 'ACTIVE' AND created_by = 'system' "
                        + "AND version <> :version")
                .setParameter("version", version)
                .executeUpdate();
    }

    /** Activates {@code version} if no rule set is active; whether it did. */
    public boolean activateIfNoneActive(String version, Instant now) {
        return em.createNativeQuery(
                                "UPDATE rule_set SET status = 'ACTIVE', activated_at = :now "
                                        + "WHERE version = :version AND NOT EXISTS (SELECT 1 FROM rule_set WHERE status = 'ACTIVE')")
                        .setParameter("now", now)
                        .setParameter("version", version)
                        .executeUpdate()
                == 1;
    }

    /** Retires the active rule set. */
    public void retireActive() {
        em.createNativeQuery("UPDATE rule_set SET status = 'RETIRED' WHERE status = 'ACTIVE'")
                .executeUpdate();
    }

    /** Makes {@code version} the active rule set. */
    public void activate(String version, Instant now) {
        em.createNativeQuery("UPDATE rule_set SET status = 'ACTIVE', activated_at = :now WHERE version = :version")
                .setParameter("now", now)
                .setParameter("version", version)
                .executeUpdate();
    }

    /** The active rule set's version and definition, if one is active. */
    public Optional<ActiveDefinition> active() {
        List<?> rows = em.createNativeQuery("SELECT version, definition FROM rule_set WHERE status = 'ACTIVE'")
                .getResultList();
        return rows.stream()
                .map(o -> (Object[]) o)
                .findFirst()
                .map(r -> new ActiveDefinition((String) r[0], (String) r[1]));
    }

    /** Every stored rule set, oldest first, without definitions. */
    public List<StoredRuleSet> list() {
        List<?> rows = em.createNativeQuery("SELECT version, status, description, created_at, created_by, activated_at "
                        + "FROM rule_set ORDER BY created_at, version")
                .getResultList();
        return rows.stream()
                .map(o -> (Object[]) o)
                .map(r -> new StoredRuleSet(
                        (String) r[0], (String) r[1], (String) r[2], instant(r[3]), (String) r[4], instant(r[5]), null))
                .toList();
    }

    /** A stored rule set with its definition. */
    public Optional<StoredRuleSet> find(String version) {
        List<?> rows = em.createNativeQuery(
                        "SELECT version, status, description, created_at, created_by, activated_at, "
                                + "definition FROM rule_set WHERE version = :version")
                .setParameter("version", version)
                .getResultList();
        return rows.stream()
                .map(o -> (Object[]) o)
                .findFirst()
                .map(r -> new StoredRuleSet(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        instant(r[3]),
                        (String) r[4],
                        instant(r[5]),
                        (String) r[6]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
