package vn.childsafe.routing.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.routing.domain.AssignmentState;
import vn.childsafe.routing.domain.CaseStatus;
import vn.childsafe.routing.domain.Pdq;

/**
 * Stores cases with their reports, assignments, content, timeline and access log (the case aggregate), and reads
 * them back. Queries Panache cannot express (locks on content keys, PDQ search, the overdue claim) use its entity
 * manager.
 */
@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<RoutingCase, UUID> {

    public void persist(RoutingCase routingCase, CaseReport report, List<Assignment> assignments) {
        persist(routingCase);
        em().persist(report);
        assignments.forEach(em()::persist);
    }

    /** Records a read of a case's details. */
    public void logAccess(CaseAccess access) {
        em().persist(access);
    }

    /** The reads of a case's details, oldest first. */
    public List<CaseAccess> accessesOf(UUID caseId) {
        return em().createQuery("from CaseAccess where caseId = :caseId order by accessedAt, id", CaseAccess.class)
                .setParameter("caseId", caseId)
                .getResultList();
    }

    /**
     * The case, locked for update until the transaction ends: every change of a case goes through this lock, so
     * that a unit's action, the escalation scheduler of any instance and the notify consumer never interleave.
     */
    public Optional<RoutingCase> lockById(UUID caseId) {
        return findByIdOptional(caseId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The case a report is linked to, if it was routed already. */
    public Optional<UUID> caseIdOfReport(UUID reportId) {
        CaseReport report = em().find(CaseReport.class, reportId);
        return Optional.ofNullable(report).map(r -> r.caseId);
    }

    public List<CaseReport> reportsOf(UUID caseId) {
        return em().createQuery(
                        "from CaseReport where caseId = :caseId order by receivedAt, reportId", CaseReport.class)
                .setParameter("caseId", caseId)
                .getResultList();
    }

    /** Every assignment, current and ended: the lead first, then the others in the order they were made. */
    public List<Assignment> assignmentsOf(UUID caseId) {
        return em().createQuery("from Assignment where caseId = :caseId order by position", Assignment.class)
                .setParameter("caseId", caseId)
                .getResultList();
    }

    public List<TimelineEntry> timelineOf(UUID caseId) {
        return em().createQuery(
                        "from TimelineEntry where caseId = :caseId order by occurredAt, id", TimelineEntry.class)
                .setParameter("caseId", caseId)
                .getResultList();
    }

    public void addTimeline(TimelineEntry entry) {
        em().persist(entry);
    }

    public void persist(Assignment assignment) {
        em().persist(assignment);
    }

    /** Writes pending changes now: needed where the one-current-lead index must see a demotion first. */
    @Override
    public void flush() {
        em().flush();
    }

    /** Whether {@code agencyCode} holds a current (not ended) assignment on the case. */
    public boolean isAssigned(UUID caseId, String agencyCode) {
        return em().createQuery(
                                "select count(a) from Assignment a where a.caseId = :caseId and a.agencyCode = :agency "
                                        + "and a.state in :current",
                                Long.class)
                        .setParameter("caseId", caseId)
                        .setParameter("agency", agencyCode)
                        .setParameter("current", AssignmentState.CURRENT)
                        .getSingleResult()
                > 0;
    }

    /** Filters of the case list, as the caller asked; {@code null} means "any". */
    public record Filter(
            CaseStatus status,
            String agencyCode,
            String provinceCode,
            Category category,
            Instant from,
            Instant to,
            UUID reportId) {}

    /** Which cases a caller may list: all, or those its agency is currently assigned to (none without one). */
    public record Visibility(boolean all, String agencyCode) {}

    /** One page of the visible cases, newest first. */
    public List<RoutingCase> list(Filter filter, Visibility visibility, int page, int size) {
        TypedQuery<RoutingCase> query = query(
                filter,
                visibility,
                "select c from RoutingCase c",
                " order by c.createdAt desc, c.id",
                RoutingCase.class);
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    public long count(Filter filter, Visibility visibility) {
        return query(filter, visibility, "select count(c) from RoutingCase c", "", Long.class)
                .getSingleResult();
    }

    private <T> TypedQuery<T> query(Filter filter, Visibility visibility, String select, String order, Class<T> type) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        andIfGiven(where, params, "c.status = :status", "status", filter.status());
        andIfGiven(where, params, "c.provinceCode = :province", "province", filter.provinceCode());
        andIfGiven(where, params, "c.category = :category", "category", filter.category());
        andIfGiven(where, params, "c.createdAt >= :from", "from", filter.from());
        andIfGiven(where, params, "c.createdAt < :to", "to", filter.to());
        if (filter.agencyCode() != null) {
            where.append(" and exists (select 1 from Assignment a where a.caseId = c.id and a.agencyCode = :agency"
                    + " and a.state in :current)");
            params.put("agency", filter.agencyCode());
            params.put("current", AssignmentState.CURRENT);
        }
        andIfGiven(
                where,
                params,
                "exists (select 1 from CaseReport r where r.caseId = c.id and r.reportId = :report)",
                "report",
                filter.reportId());
        if (!visibility.all()) {
            where.append(" and exists (select 1 from Assignment v where v.caseId = c.id and v.agencyCode = :own"
                    + " and v.state in :current)");
            params.put("own", visibility.agencyCode() == null ? "" : visibility.agencyCode());
            params.put("current", AssignmentState.CURRENT);
        }
        TypedQuery<T> query = em().createQuery(select + where + order, type);
        params.forEach(query::setParameter);
        return query;
    }

    /** Adds {@code condition} on the parameter {@code name} when the filter gives a {@code value}. */
    private static void andIfGiven(
            StringBuilder where, Map<String, Object> params, String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.put(name, value);
        }
    }

    /** The current lead of each of these cases. */
    public Map<UUID, Assignment> currentLeads(List<UUID> caseIds) {
        Map<UUID, Assignment> leads = new HashMap<>();
        if (caseIds.isEmpty()) {
            return leads;
        }
        em().createQuery(
                        "from Assignment where caseId in :ids and role = :lead and state in :current", Assignment.class)
                .setParameter("ids", caseIds)
                .setParameter("lead", CaseRouted.Role.LEAD)
                .setParameter("current", AssignmentState.CURRENT)
                .getResultList()
                .forEach(a -> leads.put(a.caseId, a));
        return leads;
    }

    /**
     * Ids of pending assignments past their deadline on cases not resolved, earliest deadline first. Reading them
     * claims nothing: each is claimed by {@link #claimOverdue} in the transaction that escalates it.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> overduePending(Instant now, int limit) {
        List<Object> rows = em().createNativeQuery("SELECT a.id FROM assignment a "
                        + "JOIN routing_case c ON c.id = a.case_id "
                        + "WHERE a.state = 'PENDING' AND a.ack_deadline < :now AND c.status <> 'RESOLVED' "
                        + "ORDER BY a.ack_deadline LIMIT :limit")
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList();
        List<UUID> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row instanceof UUID uuid ? uuid : UUID.fromString(row.toString())));
        return ids;
    }

    /** The case of an assignment, without loading it. */
    public Optional<UUID> caseOfAssignment(UUID assignmentId) {
        List<UUID> found = em().createQuery("select a.caseId from Assignment a where a.id = :id", UUID.class)
                .setParameter("id", assignmentId)
                .getResultList();
        return found.stream().findFirst();
    }

    /**
     * Claims one overdue assignment for escalation: flips it from PENDING to ESCALATED only if it still is PENDING
     * and past its deadline. Row locks make this true for exactly one transaction, whichever instance runs it.
     *
     * @return whether this transaction claimed it
     */
    public boolean claimOverdue(UUID assignmentId, Instant now) {
        return em().createNativeQuery("UPDATE assignment SET state = 'ESCALATED', escalated_at = :now "
                                + "WHERE id = :id AND state = 'PENDING' AND ack_deadline < :now")
                        .setParameter("now", now)
                        .setParameter("id", assignmentId)
                        .executeUpdate()
                == 1;
    }

    public void persist(CaseContent content) {
        em().persist(content);
    }

    public void persist(CaseReport report) {
        em().persist(report);
    }

    public List<CaseContent> contentOf(UUID caseId) {
        return em().createQuery("from CaseContent where caseId = :caseId order by id", CaseContent.class)
                .setParameter("caseId", caseId)
                .getResultList();
    }

    /**
     * Serialises, until the transaction ends, the routing of reports that share a content URL or hash, so that two
     * such reports consumed at the same time by different consumers cannot both open a case.
     */
    public void lockContent(List<String> contentKeys) {
        List<String> keys = contentKeys.stream().distinct().sorted().toList();
        if (keys.isEmpty()) {
            return;
        }
        // One round trip for all keys, taken in sorted order so that two transactions never wait on each other.
        StringBuilder sql = new StringBuilder(
                "SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM " + "(SELECT k FROM (VALUES ");
        for (int i = 1; i <= keys.size(); i++) {
            sql.append(i == 1 ? "" : ", ").append("(CAST(?").append(i).append(" AS text))");
        }
        sql.append(") AS v(k) ORDER BY k) AS sorted");
        var query = em().createNativeQuery(sql.toString());
        for (int i = 0; i < keys.size(); i++) {
            query.setParameter(i + 1, keys.get(i));
        }
        query.getSingleResult();
    }

    /**
     * The oldest open (not resolved) case created at or after {@code since} holding content with one of these
     * canonical URLs or hashes, and which of them it holds.
     */
    public Optional<DuplicateMatch> openCaseWithContent(
            List<String> canonicalUrls, List<String> hashes, Instant since) {
        if (canonicalUrls.isEmpty() && hashes.isEmpty()) {
            return Optional.empty();
        }
        List<String> matches = new ArrayList<>();
        if (!canonicalUrls.isEmpty()) {
            matches.add("k.canonicalUrl in :urls");
        }
        if (!hashes.isEmpty()) {
            matches.add("k.sha256 in :hashes or k.md5 in :hashes");
        }
        TypedQuery<Object[]> query = em().createQuery(
                        "select c.id, k.canonicalUrl, k.canonicalRule, k.sha256 "
                                + "from RoutingCase c, CaseContent k where k.caseId = c.id and c.status <> :resolved "
                                + "and c.createdAt >= :since and (" + String.join(" or ", matches)
                                + ") order by c.createdAt, c.id",
                        Object[].class)
                .setParameter("resolved", CaseStatus.RESOLVED)
                .setParameter("since", since);
        if (!canonicalUrls.isEmpty()) {
            query.setParameter("urls", canonicalUrls);
        }
        if (!hashes.isEmpty()) {
            query.setParameter("hashes", hashes);
        }
        return query.setMaxResults(1).getResultList().stream().findFirst().map(row -> {
            String url = (String) row[1];
            String why = url != null && canonicalUrls.contains(url)
                    ? "canonical URL " + url + (row[2] == null ? "" : " (rule " + row[2] + ")")
                    : row[3] != null && hashes.contains((String) row[3]) ? "sha256" : "md5";
            return new DuplicateMatch((UUID) row[0], why);
        });
    }

    /**
     * The open case created at or after {@code since} holding the picture nearest to {@code pdq}, at most
     * {@code maxDistance} bits away, among hashes of at least {@code minQuality}; ties go to the oldest case. The
     * band keys narrow the search through the GIN index before distances are computed (see {@link Pdq}).
     */
    public Optional<DuplicateMatch> openCaseWithPicture(Pdq pdq, int maxDistance, int minQuality, Instant since) {
        List<?> rows = em().createNativeQuery("SELECT c.id, near.distance FROM case_content_near_pdq(CAST(:keys AS "
                        + "integer[]), :pdq, :distance, :quality) near JOIN routing_case c ON c.id = near.case_id "
                        + "WHERE c.status <> 'RESOLVED' AND c.created_at >= :since ORDER BY near.distance, c.created_at, c.id "
                        + "LIMIT 1")
                .setParameter("keys", arrayLiteral(pdq.probeKeys(maxDistance)))
                .setParameter("pdq", pdq.toString())
                .setParameter("distance", maxDistance)
                .setParameter("quality", minQuality)
                .setParameter("since", since)
                .getResultList();
        return rows.stream()
                .map(o -> (Object[]) o)
                .findFirst()
                .map(row -> new DuplicateMatch((UUID) row[0], "PDQ distance " + ((Number) row[1]).intValue()));
    }

    private EntityManager em() {
        return getEntityManager();
    }

    /** {@code {1,2,3}}: an {@code integer[]} as text, bound as one parameter. */
    private static String arrayLiteral(int[] values) {
        StringBuilder text = new StringBuilder(values.length * 8).append('{');
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(values[i]);
        }
        return text.append('}').toString();
    }
}
