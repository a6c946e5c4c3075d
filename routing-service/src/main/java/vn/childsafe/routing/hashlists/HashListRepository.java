package vn.childsafe.routing.hashlists;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.domain.KnownContentMatch;
import vn.childsafe.routing.domain.Pdq;

/** Hash lists and the lookup of a report's hashes in them. */
@ApplicationScoped
public class HashListRepository implements PanacheRepositoryBase<HashList, String> {

    /**
     * The lists holding any of these exact hashes (sha256 or md5, lower case) or a PDQ hash within
     * {@code pdqMaxDistance} of one of {@code pictures}: one match per list (an exact one first, else the nearest
     * picture), in list name order. PDQ candidates come through the band keys' GIN index (see {@link Pdq}).
     */
    public List<KnownContentMatch> matches(List<String> exactHashes, List<Pdq> pictures, int pdqMaxDistance) {
        List<KnownContentMatch> found = new ArrayList<>();
        if (!exactHashes.isEmpty()) {
            List<?> rows = getEntityManager().createNativeQuery("SELECT DISTINCT ON (l.name) l.name, l.source, "
                    + "l.category, e.kind FROM hash_list_entry e JOIN hash_list l ON l.name = e.list_name "
                    + "WHERE e.kind <> 'PDQ' AND e.value IN (:hashes) ORDER BY l.name, e.kind DESC")
                    .setParameter("hashes", exactHashes).getResultList();
            rows.stream().map(o -> (Object[]) o).forEach(r -> found.add(new KnownContentMatch((String) r[0],
                    (String) r[1], Category.valueOf((String) r[2]), (String) r[3], null)));
        }
        for (Pdq picture : pictures) {
            List<?> rows = getEntityManager().createNativeQuery("SELECT DISTINCT ON (name) name, source, category, "
                    + "distance FROM (SELECT l.name, l.source, l.category, bit_count(CAST('x' || e.value AS bit(256)) "
                    + "# CAST(:pdq AS bit(256))) AS distance FROM hash_list_entry e JOIN hash_list l "
                    + "ON l.name = e.list_name WHERE e.kind = 'PDQ' AND e.pdq_bands && CAST(:keys AS integer[])) near "
                    + "WHERE distance <= :distance ORDER BY name, distance")
                    .setParameter("pdq", "x" + picture)
                    .setParameter("keys", CaseRepository.arrayLiteral(picture.probeKeys(pdqMaxDistance)))
                    .setParameter("distance", pdqMaxDistance).getResultList();
            rows.stream().map(o -> (Object[]) o)
                    .filter(r -> found.stream().noneMatch(m -> m.listName().equals(r[0])))
                    .forEach(r -> found.add(new KnownContentMatch((String) r[0], (String) r[1],
                            Category.valueOf((String) r[2]), "PDQ", ((Number) r[3]).intValue())));
        }
        found.sort(Comparator.comparing(KnownContentMatch::listName));
        return found;
    }
}
