package vn.childsafe.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.routing.cases.CaseStatisticsRepository;
import vn.childsafe.routing.cases.CaseStatisticsRepository.GroupBy;
import vn.childsafe.routing.cases.CaseStatisticsRepository.Percentiles;
import vn.childsafe.routing.cases.CaseStatisticsRepository.Row;
import vn.childsafe.routing.config.RoutingConfig;

/**
 * Case statistics for ops and the periodic reports of Decision 830: counts, p50/p90 times to route, acknowledge and
 * resolve, and the two rates (child victims with an acknowledged child-protection or police unit; cases resolved),
 * over cases created in [from, to), overall and per group.
 */
@ApplicationScoped
public class StatsService {

    @Schema(name = "Stats")
    public record Stats(Instant from, Instant to, GroupBy groupBy, Row total, List<Row> groups) {}

    @Inject
    CaseStatisticsRepository statistics;

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
        Row total = statistics.figures(start, end, null).stream().findFirst().orElse(empty("ALL"));
        return new Stats(start, end, group, total, group == null ? List.of() : statistics.figures(start, end, group));
    }

    private static Row empty(String key) {
        Percentiles none = new Percentiles(null, null);
        return new Row(key, 0, 0, 0, none, none, none, 0, 0, null, null);
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
        out.append(String.join(
                        ",",
                        group,
                        cell(r.key()),
                        String.valueOf(r.cases()),
                        String.valueOf(r.acknowledged()),
                        String.valueOf(r.resolved()),
                        seconds(r.timeToRouteSeconds()),
                        seconds(r.timeToAcknowledgeSeconds()),
                        seconds(r.timeToResolveSeconds()),
                        String.valueOf(r.childVictimCases()),
                        String.valueOf(r.childVictimCasesWithAcknowledgedProtection()),
                        v(r.childVictimProtectionRate()),
                        v(r.resolvedRate())))
                .append('\n');
    }

    /** The p50 and p90 cells of a time. */
    private static String seconds(Percentiles time) {
        return v(time.p50()) + "," + v(time.p90());
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
