package vn.childsafe.routing.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.childsafe.routing.cases.CaseFixtures.act;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/**
 * The case lifecycle through the API: acknowledge, decline, transfer, resolve; who may act; illegal transitions;
 * and for every change a timeline entry and a CaseEvent (checked against its schema) with the current status,
 * current assignments and the alerts notify must send.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class CaseLifecycleTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    CaseFixtures fixtures;

    @BeforeEach
    void seed() {
        CaseFixtures.putProvinceUnits("44");
        CaseFixtures.putAgency("CAX-44010", "POLICE_COMMUNE", "44", "44010", null);
        CaseFixtures.putAgency("CA-86", "POLICE_PROVINCE", "86", null, null);
    }

    @Test
    void leadAcknowledgesOnceAndOnlyItsOwnAssignment() throws Exception {
        UUID caseId = fixtures.route(Category.CSAM, Urgency.NORMAL, "44", null, false, List.of());
        JsonPath c = read(caseId);
        String lead = c.getString("assignments[0].assignmentId");
        String support = c.getString("assignments[1].assignmentId");
        assertThat(c.getString("assignments[0].agencyCode")).isEqualTo("CA-44");

        // Another assigned unit cannot acknowledge the lead's assignment; an unassigned unit does not see the case.
        for (String other : List.of("BVTE-44", "CA-86")) {
            act(TestTokens.unit(other), caseId, lead, "acknowledge", null)
                    .then()
                    .statusCode(404)
                    .contentType(PROBLEM);
        }
        act(TestTokens.ops(), caseId, lead, "acknowledge", null).then().statusCode(403);

        act(TestTokens.unit("CA-44"), caseId, lead, "acknowledge", null)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("assignments[0].state", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedAt", Matchers.notNullValue())
                .body("timeline.kind", contains("ROUTED", "ACKNOWLEDGED"));
        act(TestTokens.unit("CA-44"), caseId, lead, "acknowledge", null)
                .then()
                .statusCode(409)
                .contentType(PROBLEM);
        act(TestTokens.unit("BVTE-44"), caseId, support, "acknowledge", null)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("assignments[1].state", equalTo("ACKNOWLEDGED"));

        List<JsonNode> events = fixtures.caseEvents(caseId);
        assertThat(events).hasSize(2);
        JsonNode first = events.get(0);
        assertThat(first.get("kind").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(first.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(first.get("actor").asText()).isEqualTo("CA-44");
        assertThat(first.get("alerts")).isEmpty();
        assertThat(CaseFixtures.assignments(first))
                .containsExactly("LEAD:CA-44:ACKNOWLEDGED", "SUPPORT:BVTE-44:PENDING", "SUPPORT:TTTT-44:PENDING");
        assertThat(CaseFixtures.assignments(events.get(1)))
                .containsExactly("LEAD:CA-44:ACKNOWLEDGED", "SUPPORT:BVTE-44:ACKNOWLEDGED", "SUPPORT:TTTT-44:PENDING");
    }

    @Test
    void declinePassesTheRoleUpTheLevelsUntilThe111LiaisonEscalates() throws Exception {
        UUID caseId = fixtures.route(Category.OTHER, Urgency.IMMEDIATE_DANGER, "44", "44010", true, List.of());
        JsonPath c = read(caseId);
        assertThat(c.getList("assignments.agencyCode")).containsExactly("CAX-44010", "CA-44", "BVTE-44");
        String communeLead = c.getString("assignments[0].assignmentId");

        act(TestTokens.unit("CAX-44010"), caseId, communeLead, "decline", Map.of("reason", " "))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/reason"));
        assertLeadHandedOn(
                act(
                        TestTokens.unit("CAX-44010"),
                        caseId,
                        communeLead,
                        "decline",
                        Map.of("reason", "Không thuộc địa bàn xã")),
                caseId,
                "CAX-44010",
                "DECLINED",
                "CA-44");

        String provinceLead = read(caseId).getString("assignments.find { it.agencyCode == 'CA-44' }.assignmentId");
        act(TestTokens.unit("CA-44"), caseId, provinceLead, "decline", Map.of("reason", "Chuyển cấp trên"))
                .then()
                .statusCode(200)
                .body(
                        "assignments.find { it.role == 'LEAD' && it.state == 'PENDING' }.agencyCode",
                        equalTo("NATIONAL_CYBER_POLICE"));
        String nationalLead =
                read(caseId).getString("assignments.find { it.agencyCode == 'NATIONAL_CYBER_POLICE' }.assignmentId");
        act(TestTokens.admin(), caseId, nationalLead, "decline", Map.of("reason", "Không đủ thẩm quyền"))
                .then()
                .statusCode(200)
                .body("status", equalTo("ESCALATED"));
        String liaisonLead = read(caseId).getString("assignments.find { it.agencyCode == 'HOTLINE_111' }.assignmentId");
        act(TestTokens.admin(), caseId, liaisonLead, "decline", Map.of("reason", "x"))
                .then()
                .statusCode(409)
                .contentType(PROBLEM);

        List<JsonNode> events = fixtures.caseEvents(caseId);
        assertThat(events).extracting(e -> e.get("kind").asText()).containsExactly("DECLINED", "DECLINED", "DECLINED");
        assertThat(CaseFixtures.assignments(events.get(0)))
                .containsExactly("LEAD:CA-44:PENDING", "SUPPORT:BVTE-44:PENDING");
        assertThat(CaseFixtures.alerts(events.get(0))).containsExactly("LEAD:CA-44");
        // The reason is the unit's own words: on the case for those who see it, never on the event.
        assertThat(events.get(0).get("detail").asText())
                .contains("CAX-44010 (LEAD) từ chối")
                .doesNotContain("Không thuộc địa bàn xã");
        assertThat(events.get(0).get("noteGiven").asBoolean()).isTrue();
        assertThat(read(caseId).getList("timeline.note", String.class))
                .contains("Không thuộc địa bàn xã", "Chuyển cấp trên");
        assertThat(CaseFixtures.alerts(events.get(1))).containsExactly("LEAD:NATIONAL_CYBER_POLICE");
        assertThat(CaseFixtures.assignments(events.get(1)))
                .containsExactly("LEAD:NATIONAL_CYBER_POLICE:PENDING", "SUPPORT:BVTE-44:PENDING");
        assertThat(events.get(2).get("status").asText()).isEqualTo("ESCALATED");
        assertThat(CaseFixtures.alerts(events.get(2))).containsExactly("ESCALATION:HOTLINE_111");
        assertThat(CaseFixtures.assignments(events.get(2)))
                .containsExactly("LEAD:HOTLINE_111:PENDING", "SUPPORT:BVTE-44:PENDING");
        assertThat(read(caseId).getList("timeline.kind", String.class))
                .containsExactly("ROUTED", "DECLINED", "DECLINED", "DECLINED");
    }

    @Test
    void leadTransfersThenTheNewLeadResolvesAndTheCaseIsFinal() throws Exception {
        UUID caseId = fixtures.route(Category.SCAM, Urgency.NORMAL, "44", null, false, List.of());
        String lead = read(caseId).getString("assignments[0].assignmentId");
        act(TestTokens.unit("CA-44"), caseId, lead, "acknowledge", null).then().statusCode(200);

        transfer(TestTokens.unit("TTTT-44"), caseId, Map.of("agencyCode", "BVTE-44", "reason", "r"))
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        transfer(TestTokens.unit("CA-44"), caseId, Map.of("agencyCode", "NOPE-1", "reason", "r"))
                .then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/agencyCode"));
        transfer(TestTokens.unit("CA-44"), caseId, Map.of("agencyCode", "CA-44", "reason", "r"))
                .then()
                .statusCode(409);
        assertLeadHandedOn(
                transfer(
                        TestTokens.unit("CA-44"),
                        caseId,
                        Map.of("agencyCode", "BVTE-44", "reason", "Nạn nhân cần hỗ trợ")),
                caseId,
                "CA-44",
                "TRANSFERRED",
                "BVTE-44");

        resolve(TestTokens.unit("TTTT-44"), caseId, Map.of("outcome", "UNFOUNDED"))
                .then()
                .statusCode(403);
        resolve(TestTokens.unit("BVTE-44"), caseId, Map.of("note", "thiếu kết quả"))
                .then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/outcome"));
        resolve(TestTokens.unit("BVTE-44"), caseId, Map.of("outcome", "VICTIM_SUPPORTED", "note", "Đã hỗ trợ"))
                .then()
                .statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("outcome", equalTo("VICTIM_SUPPORTED"))
                .body("timeline.kind", hasItem("RESOLVED"));
        resolve(TestTokens.admin(), caseId, Map.of("outcome", "DUPLICATE"))
                .then()
                .statusCode(409);
        String support = read(caseId).getString("assignments.find { it.agencyCode == 'TTTT-44' }.assignmentId");
        act(TestTokens.unit("TTTT-44"), caseId, support, "acknowledge", null)
                .then()
                .statusCode(409);
        transfer(TestTokens.admin(), caseId, Map.of("agencyCode", "CA-44", "reason", "r"))
                .then()
                .statusCode(409);

        List<JsonNode> events = fixtures.caseEvents(caseId);
        assertThat(events)
                .extracting(e -> e.get("kind").asText())
                .containsExactly("ACKNOWLEDGED", "TRANSFERRED", "RESOLVED");
        assertThat(CaseFixtures.alerts(events.get(1))).containsExactly("LEAD:BVTE-44");
        assertThat(CaseFixtures.assignments(events.get(1)))
                .containsExactly("LEAD:BVTE-44:PENDING", "SUPPORT:TTTT-44:PENDING");
        assertThat(events.get(1).get("alerts").get(0).get("ackDeadline").isNull())
                .isFalse();
        assertThat(events.get(2).get("status").asText()).isEqualTo("RESOLVED");
        assertThat(events.get(2).get("detail").asText())
                .contains("VICTIM_SUPPORTED")
                .doesNotContain("Đã hỗ trợ");
        assertThat(events).extracting(e -> e.get("noteGiven").asBoolean()).containsExactly(false, true, true);
        assertThat(read(caseId).getString("resolutionNote")).isEqualTo("Đã hỗ trợ");
        assertThat(read(caseId).getString("assignments.find { it.agencyCode == 'CA-44' }.endReason"))
                .isEqualTo("Nạn nhân cần hỗ trợ");
        assertThat(events.get(2).get("actor").asText()).isEqualTo("BVTE-44");
    }

    @Test
    void caseListFiltersPagesAndScopesToTheCallersAgency() {
        Instant start = Instant.now();
        UUID csam = fixtures.route(Category.CSAM, Urgency.NORMAL, "86", null, false, List.of());
        fixtures.route(Category.SCAM, Urgency.NORMAL, "86", null, false, List.of());
        fixtures.route(Category.OTHER, Urgency.NORMAL, "86", null, false, List.of());

        list(TestTokens.admin(), Map.of("provinceCode", "86", "from", start.toString()))
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("items.size()", equalTo(3));
        list(TestTokens.ops(), Map.of("provinceCode", "86", "category", "scam", "from", start.toString()))
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].leadAgencyCode", equalTo("CA-86"))
                .body("items[0].ruleId", equalTo("R5"));
        list(TestTokens.admin(), Map.of("agency", "CA-86", "from", start.toString()))
                .then()
                .body("total", equalTo(2));
        list(TestTokens.unit("CA-86"), Map.of("from", start.toString()))
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
        list(TestTokens.unit("CA-44"), Map.of("provinceCode", "86"))
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        list(TestTokens.admin(), Map.of("provinceCode", "86", "status", "RESOLVED", "from", start.toString()))
                .then()
                .body("total", equalTo(0));
        list(TestTokens.admin(), Map.of("provinceCode", "86", "from", start.toString(), "size", "1", "page", "1"))
                .then()
                .body("total", equalTo(3))
                .body("items.size()", equalTo(1))
                .body("page", equalTo(1));
        list(TestTokens.admin(), Map.of("provinceCode", "86", "from", start.toString(), "to", start.toString()))
                .then()
                .body("total", equalTo(0));
        list(TestTokens.admin(), Map.of("category", "CSAM", "provinceCode", "86", "from", start.toString()))
                .then()
                .body("items[0].caseId", equalTo(csam.toString()));

        list(TestTokens.admin(), Map.of("status", "BOGUS"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        list(TestTokens.admin(), Map.of("size", "0")).then().statusCode(400).contentType(PROBLEM);
        list(TestTokens.admin(), Map.of("from", "yesterday"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        list(TestTokens.reporter("gov"), Map.of()).then().statusCode(403);
    }

    // --- helpers ---

    /**
     * The unit's answer handed its lead on: the case stays ROUTED with {@code newLead} as lead, the unit's assignment
     * ended in {@code endState}, and the unit, off the case, no longer sees it.
     */
    private static void assertLeadHandedOn(Response answer, UUID caseId, String unit, String endState, String newLead) {
        answer.then()
                .statusCode(200)
                .body("status", equalTo("ROUTED"))
                .body("assignments.find { it.agencyCode == '" + unit + "' }.state", equalTo(endState))
                .body("assignments.find { it.agencyCode == '" + newLead + "' }.role", equalTo("LEAD"));
        CaseFixtures.getCase(TestTokens.unit(unit), caseId).statusCode(404);
    }

    private static JsonPath read(UUID caseId) {
        return CaseFixtures.readCase(caseId);
    }

    private static Response transfer(String token, UUID caseId, Map<String, ?> body) {
        return CaseFixtures.caseAction(token, caseId, "transfer", body);
    }

    private static Response resolve(String token, UUID caseId, Map<String, ?> body) {
        return CaseFixtures.caseAction(token, caseId, "resolve", body);
    }

    private static Response list(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).when().get("/api/v1/cases");
    }
}
