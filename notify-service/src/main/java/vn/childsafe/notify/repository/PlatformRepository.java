package vn.childsafe.notify.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/** Reads and writes platforms. */
@ApplicationScoped
public class PlatformRepository {

    @Inject
    EntityManager em;

    public Optional<Platform> find(String code) {
        return Optional.ofNullable(em.find(Platform.class, code));
    }

    public List<Platform> list() {
        return em.createQuery("SELECT p FROM Platform p ORDER BY p.code", Platform.class).getResultList();
    }

    /** The platforms with these codes that exist, by code. */
    public Map<String, Platform> findAll(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT p FROM Platform p WHERE p.code IN :codes", Platform.class)
                .setParameter("codes", codes).getResultStream()
                .collect(Collectors.toMap(p -> p.code, Function.identity()));
    }

    /**
     * Creates an empty platform row unless one exists, and locks it for the caller's transaction.
     *
     * @return whether it was created by this call, and the locked entity
     */
    public Locked lockOrCreate(String code, Instant now) {
        boolean created = em.createNativeQuery("INSERT INTO platform (code, name, domains, takedown_url, "
                + "created_at, updated_at) VALUES (:code, '', '{}', '', :now, :now) ON CONFLICT (code) DO NOTHING")
                .setParameter("code", code)
                .setParameter("now", now)
                .executeUpdate() == 1;
        return new Locked(created, em.find(Platform.class, code, LockModeType.PESSIMISTIC_WRITE));
    }

    /** A platform locked for update, and whether it was just created. */
    public record Locked(boolean created, Platform platform) {
    }
}
