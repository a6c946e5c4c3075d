package vn.childsafe.local.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads, straight from the three services' databases, how far each report of a benchmark run has got down the
 * pipeline. The tables and columns are those of the Flyway migrations: intake's {@code outbox_event} (the
 * {@code report} aggregate's {@code published_at}), routing's {@code case_report} ({@code linked_at}, which is the
 * case's {@code routed_at} for a report that opened a case) and notify's {@code delivery} ({@code created_at},
 * {@code state}, {@code delivered_at}). Reading another service's database is fine for a benchmark tool, never for
 * a service.
 *
 * <p>Each poll asks only about what is still missing, so that watching a long drain does not itself load the
 * database being measured.
 */
final class StageProbe implements AutoCloseable {

    /** When the report's case got it: case opened, or report linked to an open case. */
    record Routed(UUID caseId, Instant at) {}

    /** The deliveries of one case so far. */
    record CaseAlerts(
            int total, int pending, int delivered, Instant lastCreated, Instant firstDelivered, Instant lastDelivered) {

        /** Every delivery has reached a final state (delivered, failed, or no contact point). */
        boolean settled() {
            return total > 0 && pending == 0;
        }
    }

    private final Connection intake;
    private final Connection routing;
    private final Connection notify;

    private final Map<UUID, Instant> published = new HashMap<>();
    private final Map<UUID, Routed> routed = new HashMap<>();
    private final Map<UUID, CaseAlerts> alerts = new HashMap<>();

    StageProbe(StackSettings settings) throws SQLException {
        intake = connect(settings, "intake");
        routing = connect(settings, "routing");
        notify = connect(settings, "notify");
    }

    /** A plain auto-commit JDBC connection to {@code database} on the stack's PostgreSQL. */
    static Connection connect(StackSettings settings, String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/" + database, "postgres", "postgres");
    }

    /** Brings the picture up to date for {@code reportIds}. */
    void poll(Collection<UUID> reportIds) throws SQLException {
        List<UUID> unpublished =
                reportIds.stream().filter(id -> !published.containsKey(id)).toList();
        if (!unpublished.isEmpty()) {
            try (PreparedStatement q = intake.prepareStatement("SELECT aggregate_id, published_at FROM outbox_event "
                    + "WHERE aggregate_type = 'report' AND published_at IS NOT NULL AND aggregate_id = ANY (?)")) {
                q.setArray(
                        1,
                        intake.createArrayOf(
                                "text", unpublished.stream().map(UUID::toString).toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        published.put(UUID.fromString(rs.getString(1)), instant(rs, 2));
                    }
                }
            }
        }
        List<UUID> unrouted =
                reportIds.stream().filter(id -> !routed.containsKey(id)).toList();
        if (!unrouted.isEmpty()) {
            try (PreparedStatement q = routing.prepareStatement(
                    "SELECT report_id, case_id, linked_at FROM case_report WHERE report_id = ANY (?)")) {
                q.setArray(1, routing.createArrayOf("uuid", unrouted.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        routed.put(
                                rs.getObject(1, UUID.class), new Routed(rs.getObject(2, UUID.class), instant(rs, 3)));
                    }
                }
            }
        }
        List<UUID> unsettled = reportIds.stream()
                .map(routed::get)
                .filter(r -> r != null)
                .map(Routed::caseId)
                .distinct()
                .filter(c -> !alerts.containsKey(c) || !alerts.get(c).settled())
                .toList();
        if (!unsettled.isEmpty()) {
            try (PreparedStatement q = notify.prepareStatement("SELECT case_id, count(*), "
                    + "count(*) FILTER (WHERE state = 'PENDING'), count(*) FILTER (WHERE state = 'DELIVERED'), "
                    + "max(created_at), min(delivered_at), max(delivered_at) "
                    + "FROM delivery WHERE case_id = ANY (?) GROUP BY case_id")) {
                q.setArray(1, notify.createArrayOf("uuid", unsettled.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        alerts.put(
                                rs.getObject(1, UUID.class),
                                new CaseAlerts(
                                        rs.getInt(2),
                                        rs.getInt(3),
                                        rs.getInt(4),
                                        instant(rs, 5),
                                        instant(rs, 6),
                                        instant(rs, 7)));
                    }
                }
            }
        }
    }

    /** When the report's event was published to Kafka, or {@code null}. */
    Instant published(UUID reportId) {
        return published.get(reportId);
    }

    /** The report's case and when it got it, or {@code null}. */
    Routed routed(UUID reportId) {
        return routed.get(reportId);
    }

    /** The deliveries of the report's case, or {@code null} if notify has none yet. */
    CaseAlerts alerts(UUID reportId) {
        Routed r = routed.get(reportId);
        return r == null ? null : alerts.get(r.caseId());
    }

    /** Whether every alert of the report's case has been settled. */
    boolean drained(UUID reportId) {
        CaseAlerts a = alerts(reportId);
        return a != null && a.settled();
    }

    /** Those of {@code reportIds} not yet drained. */
    List<UUID> notDrained(Collection<UUID> reportIds) {
        List<UUID> open = new ArrayList<>();
        for (UUID id : reportIds) {
            if (!drained(id)) {
                open.add(id);
            }
        }
        return open;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Override
    public void close() throws SQLException {
        try (intake;
                routing;
                notify) {
            // closes all three, even if one fails
        }
    }
}
