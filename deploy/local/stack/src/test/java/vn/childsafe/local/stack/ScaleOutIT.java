package vn.childsafe.local.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import vn.childsafe.local.stack.LocalStack.Service;

/**
 * Two instances of each service on one PostgreSQL and one Kafka, as {@code deploy/local/run.sh --replicas 2} starts
 * them (docs/architecture.md, "Several instances"): reports sent to both intakes, two deadline watchers, two relays
 * and consumers in one group per service; then one instance of each killed with SIGKILL under load. Every accepted
 * report must be routed to exactly one case and alerted to its lead (a repeat only with the same webhook-id), each
 * overdue deadline escalated once, and a case's events applied in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    /** The alert type of a routing alert (notify's AlertPayload). */
    private static final String ROUTED = "case.routed";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private LocalStack stack;
    private PipelineAudit audit;

    @BeforeAll
    void start() throws Exception {
        Path data = Files.createTempDirectory("childsafe-scale-it-");
        System.out.println("[scale-it] data and service logs in " + data);
        StackSettings settings = StackSettings.onFreePorts(data, "256m").withReplicas(2);
        stack = LocalStack.start(settings);
        audit = new PipelineAudit(stack, "scale-it");
        for (Service service : Service.values()) {
            audit.expectAlive(service, 0);
            audit.expectAlive(service, 1);
        }
    }

    @AfterAll
    void stop() {
        if (audit != null) {
            audit.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void twoInstancesShareTheWorkEscalateEachOverdueDeadlineOnceAndApplyACasesEventsInOrder() throws Exception {
        PipelineAudit.Sent sent = audit.load("both", Duration.ofSeconds(3), 10, i -> stack.url(Service.INTAKE, i % 2))
                .finish();
        assertThat(sent.accepted()).as("not accepted: %s", sent.notAccepted()).hasSize(sent.total());
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> audit.check(sent.accepted()).complete());
        List<String> cases = casesOf(sent.accepted());

        // Half the cases: every pending deadline passes at once, with both watchers running.
        List<String> overdue = new ArrayList<>();
        try (Connection c = audit.connect(Service.ROUTING);
                PreparedStatement s = c.prepareStatement("""
                UPDATE assignment SET ack_deadline = now() - interval '1 minute'
                WHERE state = 'PENDING' AND case_id = ANY(?) RETURNING id::text""")) {
            s.setArray(1, uuids(c, cases.subList(0, cases.size() / 2)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    overdue.add(rs.getString(1));
                }
            }
        }
        assertThat(overdue).isNotEmpty();
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> escalationsPerAssignment(overdue).size() == overdue.size());
        Thread.sleep(3_000); // a second watcher's late claim would show by now
        assertThat(escalationsPerAssignment(overdue).values())
                .as("ESCALATED timeline entries per assignment")
                .containsOnly(1);

        // The other half: acknowledged through one routing instance and resolved through the other at once.
        List<String> resolved = cases.subList(cases.size() / 2, cases.size());
        for (int i = 0; i < resolved.size(); i++) {
            String caseId = resolved.get(i);
            String lead = leadAssignment(caseId);
            post(
                    stack.url(Service.ROUTING, i % 2),
                    "/api/v1/cases/" + caseId + "/assignments/" + lead + "/acknowledge",
                    "");
            post(
                    stack.url(Service.ROUTING, (i + 1) % 2),
                    "/api/v1/cases/" + caseId + "/resolve",
                    "{\"outcome\": \"UNFOUNDED\"}");
        }
        await().atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> intakeStatuses(resolved).values().stream().allMatch("RESOLVED"::equals));
        Thread.sleep(3_000); // an ACKNOWLEDGED applied after RESOLVED would show by now
        assertThat(intakeStatuses(resolved).values()).containsOnly("RESOLVED");
    }

    @Test
    @Order(2)
    void noAcceptedReportIsLostWhenOneInstanceOfEachServiceIsKilledUnderLoad() throws Exception {
        PipelineAudit.LoadSender load =
                audit.load("kill", Duration.ofSeconds(25), 20, i -> stack.url(Service.INTAKE, i % 2));
        load.awaitElapsed(Duration.ofSeconds(10));
        for (Service service : Service.values()) {
            audit.expectGone(service, 1);
            stack.kill(service, 1);
        }
        System.out.println("[scale-it] second instances killed (SIGKILL) at " + Instant.now());
        PipelineAudit.Sent sent = load.finish();

        audit.assertNothingLost(sent);
        // At least once, never twice as different alerts: each case's routing alert to an agency has one webhook-id.
        Map<String, Set<String>> webhookIds = new HashMap<>();
        for (DemoInbox.Received alert : stack.inbox().received()) {
            if (ROUTED.equals(alert.eventType())) {
                webhookIds
                        .computeIfAbsent(alert.caseId() + " " + alert.agencyCode(), k -> new HashSet<>())
                        .add(alert.webhookId());
            }
        }
        assertThat(webhookIds).isNotEmpty();
        assertThat(webhookIds.entrySet())
                .filteredOn(e -> e.getValue().size() > 1)
                .isEmpty();
    }

    private List<String> casesOf(Set<String> reports) throws Exception {
        List<String> cases = new ArrayList<>();
        try (Connection c = audit.connect(Service.ROUTING);
                PreparedStatement s = c.prepareStatement(
                        "SELECT DISTINCT case_id::text FROM case_report WHERE report_id = ANY(?) ORDER BY 1")) {
            s.setArray(1, uuids(c, new ArrayList<>(reports)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cases.add(rs.getString(1));
                }
            }
        }
        return cases;
    }

    private Map<String, Integer> escalationsPerAssignment(List<String> assignments) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = audit.connect(Service.ROUTING);
                PreparedStatement s = c.prepareStatement("""
                SELECT assignment_id::text, count(*) FROM case_timeline
                WHERE kind = 'ESCALATED' AND assignment_id = ANY(?) GROUP BY 1""")) {
            s.setArray(1, uuids(c, assignments));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    private String leadAssignment(String caseId) throws Exception {
        try (Connection c = audit.connect(Service.ROUTING);
                PreparedStatement s = c.prepareStatement(
                        "SELECT id::text FROM assignment WHERE case_id = ?::uuid AND role = 'LEAD' AND state = 'PENDING'")) {
            s.setString(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("pending lead of case %s", caseId).isTrue();
                return rs.getString(1);
            }
        }
    }

    private Map<String, String> intakeStatuses(List<String> cases) throws Exception {
        Map<String, String> statuses = new HashMap<>();
        try (Connection c = audit.connect(Service.INTAKE);
                PreparedStatement s =
                        c.prepareStatement("SELECT id::text, status FROM report WHERE case_id = ANY(?)")) {
            s.setArray(1, uuids(c, cases));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    statuses.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        assertThat(statuses).as("reports of the resolved cases in intake").isNotEmpty();
        return statuses;
    }

    private void post(String base, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + stack.tokens().get("admin"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s", path, response.body()).isEqualTo(200);
    }

    private static Array uuids(Connection c, List<String> ids) throws Exception {
        return c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
    }
}
