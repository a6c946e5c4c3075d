package vn.childsafe.notify.platform;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Reads and writes platforms, by code. */
@ApplicationScoped
public class PlatformRepository implements PanacheRepositoryBase<Platform, String> {

    /** Every platform, ordered by code. */
    public List<Platform> listByCode() {
        return listAll(Sort.by("code"));
    }

    /** The platforms with these codes that exist, by code. */
    public Map<String, Platform> byCode(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return list("code in ?1", codes).stream().collect(Collectors.toMap(p -> p.code, Function.identity()));
    }

    /** The domains of every platform, by platform code: what a content URL is matched against. */
    public Map<String, List<String>> domainsByCode() {
        return listAll().stream().collect(Collectors.toMap(p -> p.code, p -> p.domains));
    }

    /**
     * Creates an empty platform row unless one exists, and locks it for the caller's transaction.
     *
     * @return whether it was created by this call, and the locked entity
     */
    public Locked lockOrCreate(String code, Instant now) {
        boolean created = getEntityManager()
                        .createNativeQuery("INSERT INTO platform (code, name, domains, "
                                + "takedown_url, created_at, updated_at) VALUES (:code, '', '{}', '', :now, :now) "
                                + "ON CONFLICT (code) DO NOTHING")
                        .setParameter("code", code)
                        .setParameter("now", now)
                        .executeUpdate()
                == 1;
        return new Locked(created, findById(code, LockModeType.PESSIMISTIC_WRITE));
    }

    /** A platform locked for update, and whether it was just created. */
    public record Locked(boolean created, Platform platform) {}
}
