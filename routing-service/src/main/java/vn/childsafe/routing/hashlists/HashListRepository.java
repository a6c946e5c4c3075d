package vn.childsafe.routing.hashlists;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.routing.domain.KnownContentMatch;
import vn.childsafe.routing.domain.Pdq;

/** Hash lists and the lookup of a report's hashes in them. */
@ApplicationScoped
public class HashListRepository implements PanacheRepositoryBase<HashList, String> {

    @Inject
    HashListIndex index;

    /**
     * The lists holding any of these exact hashes (sha256 or md5, lower case) or a PDQ hash within
     * {@code pdqMaxDistance} of one of {@code pictures}: one match per list (an exact one first, else the nearest
     * picture), in list name order. Exact hashes are looked up in PostgreSQL, pictures in {@link HashListIndex}.
     */
    public List<KnownContentMatch> matches(List<String> exactHashes, List<Pdq> pictures, int pdqMaxDistance) {
        List<KnownContentMatch> found = new ArrayList<>();
        if (!exactHashes.isEmpty()) {
            List<?> rows = getEntityManager()
                    .createNativeQuery("SELECT DISTINCT ON (l.name) l.name, l.source, "
                            + "l.category, e.kind FROM hash_list_entry e JOIN hash_list l ON l.name = e.list_name "
                            + "WHERE e.kind <> 'PDQ' AND e.value IN (:hashes) ORDER BY l.name, e.kind DESC")
                    .setParameter("hashes", exactHashes)
                    .getResultList();
            rows.stream()
                    .map(o -> (Object[]) o)
                    .forEach(r -> found.add(new KnownContentMatch(
                            (String) r[0], (String) r[1], Category.valueOf((String) r[2]), (String) r[3], null)));
        }
        index.matches(pictures, pdqMaxDistance).stream()
                .filter(match -> found.stream().noneMatch(m -> m.listName().equals(match.listName())))
                .forEach(found::add);
        found.sort(Comparator.comparing(KnownContentMatch::listName));
        return found;
    }

    /** Writes a list's entries through a JDBC batch insert of {@code (list_name, kind, value)}. */
    @FunctionalInterface
    public interface EntryWriter {
        void write(PreparedStatement insert) throws SQLException;
    }

    /**
     * Deletes the list's entries, then lets {@code writer} insert the new ones through one prepared statement, in
     * the caller's transaction: a million hashes go in JDBC batches, not as entities.
     */
    public void replaceEntries(String listName, EntryWriter writer) {
        getEntityManager()
                .createNativeQuery("DELETE FROM hash_list_entry WHERE list_name = :name")
                .setParameter("name", listName)
                .executeUpdate();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO hash_list_entry " + "(list_name, kind, value) VALUES (?, ?, ?)")) {
                writer.write(insert);
            }
        });
    }
}
