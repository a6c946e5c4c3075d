package vn.childsafe.notify.takedown;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Reads and writes takedown requests; the overdue claim and the compliance figures live here. */
@ApplicationScoped
public class TakedownRequestRepository implements PanacheRepositoryBase<TakedownRequest, UUID> {

    /** Whether {@code url} was already requested for this case. */
    public boolean existsFor(UUID caseId, String url) {
        return count("caseId = ?1 and url = ?2", caseId, url) > 0;
    }

    /** Takedown requests of a case, oldest first. */
    public List<TakedownRequest> ofCase(UUID caseId) {
        return list("caseId", Sort.by("requestedAt").and("url"), caseId);
    }

    /**
     * Locks up to {@code limit} requests without a result whose next notice is due, oldest due first, skipping those
     * another instance holds.
     */
    @SuppressWarnings("unchecked")
    public List<TakedownRequest> lockOverdue(Instant now, int limit) {
        return getEntityManager()
                .createNativeQuery(
                        "SELECT * FROM takedown_request WHERE result IS NULL "
                                + "AND next_notice_at <= :now ORDER BY next_notice_at LIMIT :limit FOR UPDATE SKIP LOCKED",
                        TakedownRequest.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Requests without a result of one platform: all of them, and those past their deadline. */
    public record OpenRequests(String platformCode, long open, long overdue) {}

    /** Per registered platform, its requests without a result (for the takedown gauges). */
    public List<OpenRequests> openByPlatform() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT p.code, count(t.id), count(t.id) FILTER (WHERE t.deadline < now())
                FROM platform p LEFT JOIN takedown_request t ON t.platform_code = p.code AND t.result IS NULL
                GROUP BY p.code""").getResultList();
        return rows.stream()
                .map(row ->
                        new OpenRequests((String) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue()))
                .toList();
    }

    /**
     * Per platform: requests sent in [from, to), those answered, those removed or restricted within the deadline
     * (and their share of all requests), and the median and 90th percentile time from request to removal.
     */
    public List<Compliance> compliance(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                SELECT p.code, p.name, count(t.id),
                       count(t.result),
                       count(t.id) FILTER (WHERE t.result IN ('REMOVED', 'RESTRICTED')
                                             AND t.acted_at <= t.deadline),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.acted_at - t.requested_at))
                           FILTER (WHERE t.result IN ('REMOVED', 'RESTRICTED')),
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.acted_at - t.requested_at))
                           FILTER (WHERE t.result IN ('REMOVED', 'RESTRICTED'))
                FROM platform p
                LEFT JOIN takedown_request t ON t.platform_code = p.code
                     AND t.requested_at >= :from AND t.requested_at < :to
                GROUP BY p.code, p.name
                ORDER BY p.code""")
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        List<Compliance> result = new ArrayList<>();
        for (Object[] row : rows) {
            long requests = ((Number) row[2]).longValue();
            long removedInTime = ((Number) row[4]).longValue();
            result.add(new Compliance(
                    (String) row[0],
                    (String) row[1],
                    requests,
                    ((Number) row[3]).longValue(),
                    removedInTime,
                    requests == 0 ? null : Math.round(removedInTime * 1000.0 / requests) / 10.0,
                    row[5] == null ? null : Math.round(((Number) row[5]).doubleValue()),
                    row[6] == null ? null : Math.round(((Number) row[6]).doubleValue())));
        }
        return result;
    }
}
