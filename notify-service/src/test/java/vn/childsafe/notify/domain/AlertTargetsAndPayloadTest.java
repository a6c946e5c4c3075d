package vn.childsafe.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.events.CaseRouted.Assignment;
import vn.childsafe.commons.events.CaseRouted.Role;
import vn.childsafe.commons.messaging.UnprocessableEventException;
import vn.childsafe.notify.support.AlertJson;
import vn.childsafe.notify.support.CaseEvents;

class AlertTargetsAndPayloadTest {

    // Configured like Quarkus' ObjectMapper: ISO-8601 timestamps.
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final UUID CASE_ID = UUID.randomUUID();
    private static final UUID REPORT_ID = UUID.randomUUID();
    private static final Instant OCCURRED = Instant.parse("2026-11-20T03:00:00Z");
    private static final Instant LEAD_DEADLINE = Instant.parse("2026-11-20T04:00:00Z");
    private static final Instant SUPPORT_DEADLINE = Instant.parse("2026-11-21T03:00:00Z");

    private static Assignment assignment(String code, Role role, Instant deadline) {
        return new Assignment(UUID.randomUUID(), code, "Đơn vị " + code, "POLICE_PROVINCE", role, deadline);
    }

    private static CaseRouted event(List<Assignment> assignments, boolean liaison) {
        return CaseEvents.routed(
                CASE_ID,
                REPORT_ID,
                OCCURRED,
                Category.GROOMING,
                "00004",
                assignments,
                liaison,
                List.of("https://example.org/x"));
    }

    @Test
    void alertsLeadThenSupportsThenTheLiaison() {
        Assignment lead = assignment("CA-01", Role.LEAD, LEAD_DEADLINE);
        Assignment supportA = assignment("BVTE-01", Role.SUPPORT, SUPPORT_DEADLINE);
        Assignment supportB = assignment("TTTT-01", Role.SUPPORT, SUPPORT_DEADLINE);

        List<AlertTarget> targets = AlertTargets.of(event(List.of(supportA, lead, supportB), true));

        assertThat(targets)
                .containsExactly(
                        new AlertTarget("CA-01", TargetRole.LEAD, lead.assignmentId(), LEAD_DEADLINE),
                        new AlertTarget("BVTE-01", TargetRole.SUPPORT, supportA.assignmentId(), SUPPORT_DEADLINE),
                        new AlertTarget("TTTT-01", TargetRole.SUPPORT, supportB.assignmentId(), SUPPORT_DEADLINE),
                        new AlertTarget(AlertTargets.LIAISON_AGENCY_CODE, TargetRole.LIAISON, null, null));
    }

    @Test
    void noLiaisonUnlessRoutingAsksForIt() {
        List<AlertTarget> targets =
                AlertTargets.of(event(List.of(assignment("CA-01", Role.LEAD, LEAD_DEADLINE)), false));

        assertThat(targets).extracting(AlertTarget::agencyCode).containsExactly("CA-01");
    }

    @Test
    void anAgencyListedTwiceIsAlertedOnceInItsMostResponsibleRole() {
        // National fallback: HOTLINE_111 leads, and the liaison is required as well.
        Assignment lead = assignment(AlertTargets.LIAISON_AGENCY_CODE, Role.LEAD, LEAD_DEADLINE);
        Assignment support = assignment("CA-01", Role.SUPPORT, SUPPORT_DEADLINE);

        List<AlertTarget> targets = AlertTargets.of(event(List.of(lead, support, support), true));

        assertThat(targets)
                .extracting(AlertTarget::agencyCode, AlertTarget::role)
                .containsExactly(Tuple.tuple("HOTLINE_111", TargetRole.LEAD), Tuple.tuple("CA-01", TargetRole.SUPPORT));
    }

    @Test
    void eventsWithoutExactlyOneLeadOrWithoutIdsAreInvalid() {
        Assignment support = assignment("CA-01", Role.SUPPORT, SUPPORT_DEADLINE);
        assertThatThrownBy(() -> AlertTargets.of(event(List.of(support), false)))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("LEAD");
        assertThatThrownBy(() -> AlertTargets.of(event(
                        List.of(assignment("A", Role.LEAD, LEAD_DEADLINE), assignment("B", Role.LEAD, LEAD_DEADLINE)),
                        false)))
                .isInstanceOf(UnprocessableEventException.class);
        assertThatThrownBy(() -> AlertTargets.of(new CaseRouted(
                        null,
                        "ROUTED",
                        List.of(REPORT_ID),
                        OCCURRED,
                        Category.SCAM,
                        Urgency.NORMAL,
                        "01",
                        null,
                        "1",
                        "R5",
                        List.of(assignment("CA-01", Role.LEAD, LEAD_DEADLINE)),
                        false,
                        false,
                        List.of(),
                        List.of())))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("caseId");
        assertThatThrownBy(() -> AlertTargets.of(event(List.of(assignment(" ", Role.LEAD, LEAD_DEADLINE)), false)))
                .isInstanceOf(UnprocessableEventException.class)
                .hasMessageContaining("agencyCode");
    }

    @Test
    void payloadCarriesIdsAndRoutingFactsForItsTargetOnly() throws Exception {
        Assignment lead = assignment("CA-01", Role.LEAD, LEAD_DEADLINE);
        CaseRouted event = event(List.of(lead, assignment("BVTE-01", Role.SUPPORT, SUPPORT_DEADLINE)), true);
        AlertTarget target = AlertTargets.of(event).get(0);

        JsonNode json = JSON.readTree(JSON.writeValueAsString(AlertPayload.caseRouted(event, target)));

        assertThat(json.fieldNames()).toIterable().containsExactlyElementsOf(AlertJson.FIELDS);
        assertThat(json.get("type").asText()).isEqualTo("case.routed");
        assertThat(json.get("caseId").asText()).isEqualTo(CASE_ID.toString());
        assertThat(json.get("reportIds").get(0).asText()).isEqualTo(REPORT_ID.toString());
        assertThat(json.get("agencyCode").asText()).isEqualTo("CA-01");
        assertThat(json.get("role").asText()).isEqualTo("LEAD");
        assertThat(json.get("assignmentId").asText())
                .isEqualTo(lead.assignmentId().toString());
        assertThat(json.get("category").asText()).isEqualTo("GROOMING");
        assertThat(json.get("urgency").asText()).isEqualTo("HIGH");
        assertThat(json.get("provinceCode").asText()).isEqualTo("01");
        assertThat(json.get("communeCode").asText()).isEqualTo("00004");
        assertThat(json.get("ruleId").asText()).isEqualTo("R2");
        assertThat(json.get("ackDeadline").asText()).isEqualTo("2026-11-20T04:00:00Z");
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-20T03:00:00Z");
        assertThat(json.get("knownContentLists")).isEmpty();
        // Nothing beyond the routing facts: not even the agency names or content URLs of the event.
        assertThat(json.toString()).doesNotContain("Đơn vị", "example.org", "takedown");
    }

    @Test
    void liaisonPayloadHasNoAssignmentOrDeadline() throws Exception {
        CaseRouted event = event(List.of(assignment("CA-01", Role.LEAD, LEAD_DEADLINE)), true);
        AlertTarget liaison = AlertTargets.of(event).get(1);

        JsonNode json = JSON.readTree(JSON.writeValueAsString(AlertPayload.caseRouted(event, liaison)));

        assertThat(json.get("agencyCode").asText()).isEqualTo("HOTLINE_111");
        assertThat(json.get("role").asText()).isEqualTo("LIAISON");
        assertThat(json.get("assignmentId").isNull()).isTrue();
        assertThat(json.get("ackDeadline").isNull()).isTrue();
    }
}
