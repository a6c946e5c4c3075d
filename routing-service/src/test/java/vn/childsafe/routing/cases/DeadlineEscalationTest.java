package vn.childsafe.routing.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.routing.TestClock;
import vn.childsafe.routing.service.AssignmentEscalation;
import vn.childsafe.routing.service.DeadlineEscalation;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/**
 * Deadlines with a controllable clock: an unacknowledged assignment escalates once its deadline has passed, to the
 * next level up and the 111 liaison, exactly once per deadline, also when two runs (two instances) race.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class DeadlineEscalationTest {

    @Inject
    CaseFixtures fixtures;

    @Inject
    DeadlineEscalation escalation;

    @Inject
    AssignmentEscalation assignmentEscalation;

    @Inject
    TestClock clock;

    @BeforeEach
    void seed() {
        clock.reset();
        CaseFixtures.putProvinceUnits("40");
        CaseFixtures.putAgency("PA05-40", "POLICE_PROVINCE", "40", null, null);
        CaseFixtures.putAgency("CAX-40100", "POLICE_COMMUNE", "40", "40100", "PA05-40");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void overdueAssignmentsEscalateOnceToTheNextLevelAndThe111Liaison() throws Exception {
        UUID caseId = fixtures.route(Category.CSAM, Urgency.NORMAL, "40", null, false, List.of());
        Instant deadline = Instant.parse(read(caseId).getString("assignments[0].ackDeadline"));

        clock.advance(Duration.ofMinutes(59));
        escalation.escalateOverdue();
        assertThat(fixtures.caseEvents(caseId)).isEmpty();
        assertThat(read(caseId).getString("status")).isEqualTo("ROUTED");

        clock.advance(Duration.ofMinutes(2));
        assertThat(escalation.escalateOverdue()).isGreaterThanOrEqualTo(3);
        List<JsonNode> events = fixtures.caseEvents(caseId);
        assertThat(events).hasSize(3).allSatisfy(e -> {
            assertThat(e.get("kind").asText()).isEqualTo("ESCALATED");
            assertThat(e.get("status").asText()).isEqualTo("ESCALATED");
            assertThat(e.get("actor").asText()).isEqualTo("system");
        });
        JsonNode lastEvent = events.get(2);
        assertThat(CaseFixtures.assignments(lastEvent))
                .containsExactlyInAnyOrder(
                        "LEAD:NATIONAL_CYBER_POLICE:PENDING",
                        "SUPPORT:CA-40:ESCALATED",
                        "SUPPORT:BVTE-40:ESCALATED",
                        "SUPPORT:TTTT-40:ESCALATED",
                        "SUPPORT:HOTLINE_111:PENDING",
                        "SUPPORT:NATIONAL_INFOSEC:PENDING");
        List<String> alerts = new ArrayList<>();
        events.forEach(e -> alerts.addAll(CaseFixtures.alerts(e)));
        // The lead's escalation goes to the national cyber police, the child-protection office's to the 111
        // hotline (which then is not alerted a second time as liaison), the information department's to VN-COP.
        assertThat(alerts)
                .containsExactlyInAnyOrder(
                        "ESCALATION:NATIONAL_CYBER_POLICE",
                        "LIAISON:HOTLINE_111",
                        "ESCALATION:HOTLINE_111",
                        "ESCALATION:NATIONAL_INFOSEC",
                        "LIAISON:HOTLINE_111");

        JsonPath c = read(caseId);
        assertThat(c.getString("status")).isEqualTo("ESCALATED");
        assertThat(c.getString("assignments.find { it.agencyCode == 'NATIONAL_CYBER_POLICE' }.role"))
                .isEqualTo("LEAD");
        // The new deadline runs from the escalation with the rule's window (1 h).
        Instant newDeadline =
                Instant.parse(c.getString("assignments.find { it.agencyCode == 'NATIONAL_CYBER_POLICE' }.ackDeadline"));
        assertThat(newDeadline).isAfter(deadline.plus(Duration.ofMinutes(59)));
        assertThat(c.getList("timeline.kind", String.class))
                .containsExactly("ROUTED", "ESCALATED", "ESCALATED", "ESCALATED");

        // A second run (a restart, another instance) finds nothing left to escalate for these deadlines.
        escalation.escalateOverdue();
        assertThat(fixtures.caseEvents(caseId)).hasSize(3);

        // The new lead acknowledges: the case is worked again.
        String nationalLead = c.getString("assignments.find { it.agencyCode == 'NATIONAL_CYBER_POLICE' }.assignmentId");
        CaseFixtures.act(TestTokens.admin(), caseId, nationalLead, "acknowledge", null)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void communeUnitEscalatesToItsRegisteredEscalationParent() throws Exception {
        UUID caseId = fixtures.route(Category.OTHER, Urgency.IMMEDIATE_DANGER, "40", "40100", true, List.of());
        JsonPath c = read(caseId);
        assertThat(c.getList("assignments.agencyCode", String.class)).containsExactly("CAX-40100", "CA-40", "BVTE-40");
        for (int i = 1; i <= 2; i++) {
            String support = c.getString("assignments[" + i + "].assignmentId");
            CaseFixtures.act(TestTokens.admin(), caseId, support, "acknowledge", null)
                    .then()
                    .statusCode(200);
        }

        clock.advance(Duration.ofMinutes(16));
        escalation.escalateOverdue();
        List<JsonNode> events = fixtures.caseEvents(caseId);
        JsonNode escalated = events.get(events.size() - 1);
        assertThat(escalated.get("kind").asText()).isEqualTo("ESCALATED");
        assertThat(CaseFixtures.alerts(escalated)).containsExactly("ESCALATION:PA05-40", "LIAISON:HOTLINE_111");
        assertThat(escalated.get("detail").asText()).contains("đơn vị cấp trên của CAX-40100 là PA05-40");
        assertThat(CaseFixtures.assignments(escalated))
                .containsExactly(
                        "LEAD:PA05-40:PENDING",
                        "SUPPORT:CAX-40100:ESCALATED",
                        "SUPPORT:CA-40:ACKNOWLEDGED",
                        "SUPPORT:BVTE-40:ACKNOWLEDGED");
        assertThat(escalated.get("status").asText()).isEqualTo("ESCALATED");
        assertThat(Instant.parse(
                        escalated.get("alerts").get(0).get("ackDeadline").asText()))
                .isEqualTo(Instant.parse(escalated.get("occurredAt").asText()).plus(Duration.ofMinutes(15)));

        // The late commune unit may still acknowledge; the case stays ESCALATED until the new lead does.
        String communeLead = c.getString("assignments[0].assignmentId");
        CaseFixtures.act(TestTokens.unit("CAX-40100"), caseId, communeLead, "acknowledge", null)
                .then()
                .statusCode(200)
                .body("status", equalTo("ESCALATED"));
        String parent = read(caseId).getString("assignments.find { it.agencyCode == 'PA05-40' }.assignmentId");
        CaseFixtures.act(TestTokens.unit("PA05-40"), caseId, parent, "acknowledge", null)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void resolvedCasesDoNotEscalate() throws Exception {
        UUID caseId = fixtures.route(Category.SCAM, Urgency.NORMAL, "40", null, false, List.of());
        CaseFixtures.caseAction(TestTokens.admin(), caseId, "resolve", Map.of("outcome", "UNFOUNDED"))
                .then()
                .statusCode(200);
        clock.advance(Duration.ofHours(25));
        escalation.escalateOverdue();
        assertThat(fixtures.caseEvents(caseId))
                .extracting(e -> e.get("kind").asText())
                .containsExactly("RESOLVED");
    }

    @Test
    void twoConcurrentRunsNeverEscalateOneDeadlineTwice() throws Exception {
        List<UUID> caseIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            caseIds.add(fixtures.route(Category.GROOMING, Urgency.NORMAL, "40", null, true, List.of()));
        }
        clock.advance(Duration.ofMinutes(61));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Callable<Integer> run = () -> {
                start.await(10, TimeUnit.SECONDS);
                return escalation.escalateOverdue();
            };
            Future<Integer> a = pool.submit(run);
            Future<Integer> b = pool.submit(run);
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);

            for (UUID caseId : caseIds) {
                assertThat(fixtures.caseEvents(caseId))
                        .hasSize(3)
                        .allSatisfy(e -> assertThat(e.get("kind").asText()).isEqualTo("ESCALATED"));
                assertThat(fixtures.count(
                                "SELECT count(*) FROM assignment WHERE case_id = ? AND created_from IS NOT " + "NULL",
                                caseId))
                        .isEqualTo(3);
                assertThat(fixtures.count(
                                "SELECT count(DISTINCT created_from) FROM assignment WHERE case_id = ?", caseId))
                        .isEqualTo(3);
            }

            // The very same deadline, claimed by two transactions at once: exactly one wins.
            UUID caseId = fixtures.route(Category.SCAM, Urgency.NORMAL, "40", null, false, List.of());
            JsonPath routed = read(caseId);
            UUID lead = UUID.fromString(routed.getString("assignments[0].assignmentId"));
            Instant later = Instant.parse(routed.getString("assignments[0].ackDeadline"))
                    .plusSeconds(1);
            CyclicBarrier together = new CyclicBarrier(2);
            Callable<Boolean> claim = () -> {
                together.await(10, TimeUnit.SECONDS);
                return QuarkusTransaction.requiringNew().call(() -> assignmentEscalation.escalateOverdue(lead, later));
            };
            Future<Boolean> first = pool.submit(claim);
            Future<Boolean> second = pool.submit(claim);
            assertThat(List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS)))
                    .containsExactlyInAnyOrder(true, false);
            assertThat(fixtures.caseEvents(caseId)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonPath read(UUID caseId) {
        return CaseFixtures.readCase(caseId);
    }
}
