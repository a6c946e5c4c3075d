package vn.childsafe.notify.takedown;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Reads and writes manual takedown tasks. */
@ApplicationScoped
public class ManualTaskRepository implements PanacheRepositoryBase<ManualTask, UUID> {

    /** Whether {@code url} is already a manual task of this case. */
    public boolean existsFor(UUID caseId, String url) {
        return count("caseId = ?1 and url = ?2", caseId, url) > 0;
    }

    /** Manual tasks, newest first, optionally of one case and/or one agency. */
    public List<ManualTask> list(UUID caseId, String agencyCode, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (caseId != null) {
            query.append(" and caseId = :caseId");
            params.and("caseId", caseId);
        }
        if (agencyCode != null) {
            query.append(" and agencyCode = :agencyCode");
            params.and("agencyCode", agencyCode);
        }
        return find(query.toString(), Sort.descending("createdAt"), params)
                .range(0, limit - 1)
                .list();
    }
}
