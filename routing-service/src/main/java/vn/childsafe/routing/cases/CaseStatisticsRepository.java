package vn.childsafe.routing.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The case statistics query: counts, percentiles and rates over cases created in [from, to), overall or per group.
 * One aggregating SQL over the case tables that Panache cannot express, so it runs through the
 * {@link EntityManager}, in the caller's transaction; kept apart from {@link CaseRepository}, which stores and reads
 * single cases.
 */
@ApplicationScoped
public class CaseStatisticsRepository {

    /** What the cases can be grouped by. */
    public enum GroupBy {
        PROVINCE("coalesce(c.province_code, 'NONE')"),
        AGENCY("coalesce((SELECT a.agency_code FROM assignment a WHERE a.case_id = c.id AND a.role = 'LEAD' "
                + "AND a.state IN ('PENDING', 'ACKNOWLEDGED', 'ESCALATED') LIMIT 1), 'NONE')"),
        CATEGORY("c.category"),
        PLATFORM("coalesce(pl.platform, 'NONE')");

        final String expression;

        GroupBy(String expression) {
            this.expression = expression;
        }
    }

    /** Percentiles of a duration, in seconds; {@code null} when no case has it yet. */
    @Schema(name = "DurationPercentiles")
    public record Percentiles(Double p50, Double p90) {}

    /** The figures of one group (or of all cases). */
    @Schema(name = "StatsRow")
    public record Row(
            String key,
            long cases,
            long acknowledged,
            long resolved,
            Percentiles timeToRouteSeconds,
            Percentiles timeToAcknowledgeSeconds,
            Percentiles timeToResolveSeconds,
            long childVictimCases,
            long childVictimCasesWithAcknowledgedProtection,

            @Schema(
                    description = "Decision 830: share of child-victim cases with an acknowledged CHILD_PROTECTION_* "
                            + "or police assignment; null without such cases")
            Double childVictimProtectionRate,

            @Schema(description = "Decision 830: share of cases resolved; null without cases")
            Double resolvedRate) {}

    @Inject
    EntityManager em;

    /** The figures of the cases created in [from, to): one row keyed {@code ALL} without a group, else one per group. */
    public List<Row> figures(Instant from, Instant to, GroupBy group) {
        String key = group == null ? "'ALL'" : group.expression;
        String platformJoin = group == GroupBy.PLATFORM
                ? " LEFT JOIN LATERAL (SELECT DISTINCT k.platform FROM case_content k WHERE k.case_id = c.id) pl ON TRUE"
                : "";
        String sql = "WITH base AS (SELECT " + key + " AS grp, c.status, c.victim_given, "
                + "EXTRACT(EPOCH FROM c.routed_at - (SELECT min(r.received_at) FROM case_report r WHERE r.case_id = c.id)) AS t_route, "
                + "EXTRACT(EPOCH FROM c.acknowledged_at - c.created_at) AS t_ack, "
                + "EXTRACT(EPOCH FROM c.resolved_at - c.created_at) AS t_resolve, "
                + "EXISTS (SELECT 1 FROM assignment a WHERE a.case_id = c.id AND a.acknowledged_at IS NOT NULL AND "
                + "(a.agency_type LIKE 'CHILD_PROTECTION_%' OR a.agency_type LIKE 'POLICE_%' "
                + "OR a.agency_type = 'NATIONAL_CYBER_POLICE')) AS protected "
                + "FROM routing_case c" + platformJoin + " WHERE c.created_at >= :from AND c.created_at < :to) "
                + "SELECT grp, count(*), count(t_ack), count(*) FILTER (WHERE status = 'RESOLVED'), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY t_route), percentile_cont(0.9) WITHIN GROUP (ORDER BY t_route), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY t_ack), percentile_cont(0.9) WITHIN GROUP (ORDER BY t_ack), "
                + "percentile_cont(0.5) WITHIN GROUP (ORDER BY t_resolve), percentile_cont(0.9) WITHIN GROUP (ORDER BY t_resolve), "
                + "count(*) FILTER (WHERE victim_given), count(*) FILTER (WHERE victim_given AND protected) "
                + "FROM base GROUP BY grp ORDER BY grp";
        List<?> rows = em.createNativeQuery(sql)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        List<Row> out = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            long cases = number(r[1]);
            long resolved = number(r[3]);
            long victims = number(r[10]);
            long protectedVictims = number(r[11]);
            out.add(new Row(
                    String.valueOf(r[0]),
                    cases,
                    number(r[2]),
                    resolved,
                    pct(r[4], r[5]),
                    pct(r[6], r[7]),
                    pct(r[8], r[9]),
                    victims,
                    protectedVictims,
                    victims == 0 ? null : (double) protectedVictims / victims,
                    cases == 0 ? null : (double) resolved / cases));
        }
        return out;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Percentiles pct(Object p50, Object p90) {
        return new Percentiles(
                p50 == null ? null : round(((Number) p50).doubleValue()),
                p90 == null ? null : round(((Number) p90).doubleValue()));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000.0) / 1000.0;
    }
}
