package vn.childsafe.routing.hashlists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import vn.childsafe.routing.domain.KnownContentMatch;
import vn.childsafe.routing.domain.Pdq;
import vn.childsafe.routing.domain.PdqIndex;

/**
 * The PDQ hashes of every known-content hash list, in memory ({@link PdqIndex}): a lookup among a million hashes
 * takes well under a millisecond, where the same lookup in PostgreSQL fetches thousands of scattered rows
 * (docs/benchmarks.md). The index is built at start-up and rebuilt, before the next lookup, whenever the stored
 * lists changed (a list imported or deleted by any instance), so a report routed after an import is matched
 * against it. Lookups wait while a rebuild runs (seconds for a million hashes; imports are rare).
 */
@ApplicationScoped
public class HashListIndex {

    private static final Logger LOG = Logger.getLogger(HashListIndex.class);

    @Inject
    EntityManager em;

    /** The lists as of one signature of the stored lists, and their PDQ hashes tagged by position in lists. */
    private record Snapshot(String signature, List<HashList> lists, PdqIndex index) {}

    private volatile Snapshot snapshot;

    void build(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::current);
    }

    /**
     * The lists holding a PDQ hash within {@code maxDistance} of one of {@code pictures}: one match per list, the
     * nearest.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<KnownContentMatch> matches(List<Pdq> pictures, int maxDistance) {
        if (pictures.isEmpty()) {
            return List.of();
        }
        Snapshot current = current();
        Map<Integer, Integer> nearest = new TreeMap<>();
        for (Pdq picture : pictures) {
            current.index()
                    .near(
                            picture,
                            maxDistance,
                            entry -> nearest.merge(
                                    current.index().tag(entry), current.index().distance(entry, picture), Math::min));
        }
        List<KnownContentMatch> found = new ArrayList<>();
        nearest.forEach((tag, distance) -> {
            HashList list = current.lists().get(tag);
            found.add(new KnownContentMatch(list.name, list.source, list.category, "PDQ", distance));
        });
        return found;
    }

    private Snapshot current() {
        String signature = (String) em.createNativeQuery("SELECT coalesce(string_agg(name || '@' || "
                        + "coalesce(CAST(imported_at AS text), '-'), ',' ORDER BY name), '') FROM hash_list")
                .getSingleResult();
        Snapshot known = snapshot;
        if (known != null && known.signature().equals(signature)) {
            return known;
        }
        synchronized (this) {
            if (snapshot == null || !snapshot.signature().equals(signature)) {
                snapshot = null;
                snapshot = load(signature);
            }
            return snapshot;
        }
    }

    private Snapshot load(String signature) {
        long started = System.nanoTime();
        List<HashList> lists =
                em.createQuery("from HashList order by name", HashList.class).getResultList();
        Map<String, Integer> tags = new TreeMap<>();
        lists.forEach(list -> {
            tags.put(list.name, tags.size());
            em.detach(list);
        });
        int expected = ((Number) em.createNativeQuery("SELECT count(*) FROM hash_list_entry WHERE kind = 'PDQ'")
                        .getSingleResult())
                .intValue();
        PdqIndex.Builder builder = new PdqIndex.Builder(expected);
        try (Stream<?> rows = em.createNativeQuery("SELECT list_name, value FROM hash_list_entry WHERE kind = 'PDQ'")
                .setHint(HibernateHints.HINT_FETCH_SIZE, 10_000)
                .getResultStream()) {
            rows.map(o -> (Object[]) o).forEach(row -> {
                Integer tag = tags.get((String) row[0]);
                if (tag != null) {
                    builder.add(Pdq.parse((String) row[1]), tag);
                }
            });
        }
        PdqIndex index = builder.build();
        LOG.infof(
                "Hash list index built: %d PDQ hashes of %d list(s) in %d ms",
                index.size(), lists.size(), (System.nanoTime() - started) / 1_000_000);
        return new Snapshot(signature, lists, index);
    }
}
