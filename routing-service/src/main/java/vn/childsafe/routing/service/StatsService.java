package vn.childsafe.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.routing.config.RoutingConfig;

/**
 * Case statistics for ops and the periodic reports of Decision 830: counts, p50/p90 times to route, acknowledge and
 * resolve, and the two rates (child victims with an acknowledged child-protection or police unit; cases resolved),
 * over cases created in [from, to), overall and per group.
 */
@ApplicationScoped
public class StatsService {

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

    @Schema(name = "Stats")
    public record Stats(Instant from, Instant to, GroupBy groupBy, Row total, List<Row> groups) {}

    @Inject
    EntityManager em;

    @Inject
    RoutingConfig config;

    @Inject
    Clock clock;

    @Transactional
    public Stats stats(Instant from, Instant to, String groupBy) {
        Instant end = to == null ? Instant.now(clock) : to;
        Instant start = from == null
                ? LocalDate.ofInstant(end, config.timeZone())
                        .withDayOfYear(1)
                        .atStartOfDay(config.timeZone())
                        .toInstant()
                : from;
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("from must be before to.", null);
        }
        GroupBy group = null;
        if (groupBy != null && !groupBy.isBlank()) {
            try {
                group = GroupBy.valueOf(groupBy.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("groupBy must be province, agency, category or platform.", null);
            }
        }
        Row total = query(start, end, null).stream().findFirst().orElse(empty("ALL"));
        return new Stats(start, end, group, total, group == null ? List.of() : query(start, end, group));
    }

    private List<Row> query(Instant from, Instant to, GroupBy group) {
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

    private static Row empty(String key) {
        Percentiles none = new Percentiles(null, null);
        return new Row(key, 0, 0, 0, none, none, none, 0, 0, null, null);
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

    /** The statistics as CSV: the total row first, then one row per group. */
    public static String csv(Stats stats) {
        StringBuilder out = new StringBuilder("group,key,cases,acknowledged,resolved,route_p50_s,route_p90_s,"
                + "ack_p50_s,ack_p90_s,resolve_p50_s,resolve_p90_s,child_victim_cases,"
                + "child_victim_cases_with_acknowledged_protection,child_victim_protection_rate,resolved_rate\n");
        row(out, "total", stats.total());
        stats.groups().forEach(r -> row(out, stats.groupBy().name().toLowerCase(Locale.ROOT), r));
        return out.toString();
    }

    private static void row(StringBuilder out, String group, Row r) {
        out.append(group)
                .append(',')
                .append(cell(r.key()))
                .append(',')
                .append(r.cases())
                .append(',')
                .append(r.acknowledged())
                .append(',')
                .append(r.resolved())
                .append(',')
                .append(v(r.timeToRouteSeconds().p50()))
                .append(',')
                .append(v(r.timeToRouteSeconds().p90()))
                .append(',')
                .append(v(r.timeToAcknowledgeSeconds().p50()))
                .append(',')
                .append(v(r.timeToAcknowledgeSeconds().p90()))
                .append(',')
                .append(v(r.timeToResolveSeconds().p50()))
                .append(',')
                .append(v(r.timeToResolveSeconds().p90()))
                .append(',')
                .append(r.childVictimCases())
                .append(',')
                .append(r.childVictimCasesWithAcknowledgedProtection())
                .append(',')
                .append(v(r.childVictimProtectionRate()))
                .append(',')
                .append(v(r.resolvedRate()))
                .append('\n');
    }

    private static String v(Double value) {
        return value == null ? "" : String.valueOf(value);
    }

    /**
     * A CSV cell: a value starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets
     * a leading {@code '}, so that a spreadsheet shows it instead of running it as a formula (CSV injection: a
     * platform name is free text); quoted when it holds a comma, a quote or a line break.
     */
    static String cell(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }
}
