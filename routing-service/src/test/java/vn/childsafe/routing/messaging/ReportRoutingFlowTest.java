package vn.childsafe.routing.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static vn.childsafe.routing.cases.CaseFixtures.putAgency;
import static vn.childsafe.routing.messaging.EventRecords.DLQ;
import static vn.childsafe.routing.messaging.EventRecords.WAIT;
import static vn.childsafe.routing.messaging.EventRecords.header;
import static vn.childsafe.routing.messaging.EventRecords.reportHeaders;
import static vn.childsafe.routing.messaging.EventRecords.reportJson;
import static vn.childsafe.routing.messaging.EventRecords.reportRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.Lane;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.commons.messaging.EventConsumers;
import vn.childsafe.routing.cases.CaseFixtures;
import vn.childsafe.routing.service.CaseRoutingService;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.EventSchemas;
import vn.childsafe.testsupport.KafkaTestClient;
import vn.childsafe.testsupport.TestTokens;

/**
 * End to end inside the service, on a real Kafka broker and PostgreSQL: a ReportReceived record on
 * {@code reports.received.v1} becomes a case and a CaseRouted record on {@code cases.events.v1} that satisfies
 * the event contract; redelivery changes nothing; poison records go to the dead-letter topic.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class ReportRoutingFlowTest {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    CaseFixtures fixtures;

    @Inject
    DataSource dataSource;

    @Inject
    EventConsumers consumers;

    @Inject
    KafkaTestClient kafka;

    @BeforeEach
    void seedAgencies() {
        // Seeded with PUT, as the local stack does: running it before every test also proves it idempotent.
        putAgency("CA-01", "Công an thành phố Hà Nội", "POLICE_PROVINCE", "01", null, null);
        putAgency("BVTE-01", "Phòng Bảo vệ trẻ em Hà Nội", "CHILD_PROTECTION_PROVINCE", "01", null, null);
        putAgency("TTTT-01", "Sở Văn hoá - Thông tin Hà Nội", "INFORMATION_PROVINCE", "01", null, null);
        putAgency("UBND-00004", "UBND phường Ba Đình", "COMMUNE_COMMITTEE", "01", "00004", null);
        putAgency("CA-31", "Công an thành phố Hải Phòng", "POLICE_PROVINCE", "31", null, null);
        putAgency("BVTE-31", "Phòng Bảo vệ trẻ em Hải Phòng", "CHILD_PROTECTION_PROVINCE", "31", null, null);
        putAgency("TTTT-31", "Sở Văn hoá - Thông tin Hải Phòng", "INFORMATION_PROVINCE", "31", null, null);
    }

    @Test
    void csamReportIsRoutedByR2ToTheProvincialPolice() throws Exception {
        UUID reportId = UUID.randomUUID();
        send(
                report(
                        reportId,
                        Category.CSAM,
                        Urgency.NORMAL,
                        location("01", null, null, null),
                        true,
                        List.of("https://video.example.com/v/123", "https://video.example.com/v/123")),
                null);

        ConsumerRecord<String, String> record = awaitCaseRouted(reportId);
        JsonNode event = objectMapper.readTree(record.value());
        UUID caseId = UUID.fromString(event.get("caseId").asText());
        assertThat(record.key()).isEqualTo(caseId.toString());
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.CASE_ROUTED);
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/childsafe/routing-service");
        assertThat(header(record, CloudEventHeaders.ID)).isNotBlank();

        assertThat(event.get("status").asText()).isEqualTo("ROUTED");
        assertThat(event.get("ruleSetVersion").asText()).isEqualTo("default-3");
        assertThat(event.get("ruleId").asText()).isEqualTo("R2");
        assertThat(event.get("provinceCode").asText()).isEqualTo("01");
        assertThat(event.get("reportIds").get(0).asText()).isEqualTo(reportId.toString());
        assertThat(assignments(event))
                .containsExactly(
                        "LEAD:CA-01:POLICE_PROVINCE",
                        "SUPPORT:BVTE-01:CHILD_PROTECTION_PROVINCE",
                        "SUPPORT:TTTT-01:INFORMATION_PROVINCE");
        Instant routedAt = Instant.parse(event.get("occurredAt").asText());
        for (JsonNode assignment : event.get("assignments")) {
            assertThat(Instant.parse(assignment.get("ackDeadline").asText()))
                    .isEqualTo(routedAt.plus(Duration.ofHours(1)));
        }
        assertThat(event.get("liaisonRequired").asBoolean()).isTrue();
        assertThat(event.get("takedownRequired").asBoolean()).isTrue();
        assertThat(event.get("takedownUrls"))
                .extracting(JsonNode::asText)
                .containsExactly("https://video.example.com/v/123");

        // The case reads back with its explanation, for admins and for an assigned unit only.
        CaseFixtures.getCase(TestTokens.admin(), caseId)
                .statusCode(200)
                .body("caseId", equalTo(caseId.toString()))
                .body("ruleId", equalTo("R2"))
                .body("location.provinceName", equalTo("Hà Nội"))
                .body("reports[0].reportId", equalTo(reportId.toString()))
                .body("assignments.agencyCode", Matchers.contains("CA-01", "BVTE-01", "TTTT-01"))
                .body("assignments[0].state", equalTo("PENDING"))
                .body("explanation", hasItem("lead: CA-01 (POLICE_PROVINCE)"));
        CaseFixtures.getCase(TestTokens.unit("TTTT-01"), caseId)
                .statusCode(200)
                .body("caseId", equalTo(caseId.toString()));
        CaseFixtures.getCase(TestTokens.unit("CA-31"), caseId).statusCode(404).contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.ops())
                .queryParam("reportId", reportId.toString())
                .when()
                .get("/api/v1/cases")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].caseId", equalTo(caseId.toString()));
    }

    @Test
    void otherReportIsRoutedByR6ToChildProtectionAndTheCommuneCommittee() throws Exception {
        UUID reportId = UUID.randomUUID();
        send(
                report(reportId, Category.OTHER, Urgency.NORMAL, location("01", "00004", null, null), false, List.of()),
                null);

        JsonNode event = objectMapper.readTree(awaitCaseRouted(reportId).value());
        assertThat(event.get("ruleId").asText()).isEqualTo("R6");
        assertThat(event.get("communeCode").asText()).isEqualTo("00004");
        assertThat(assignments(event))
                .containsExactly("LEAD:BVTE-01:CHILD_PROTECTION_PROVINCE", "SUPPORT:UBND-00004:COMMUNE_COMMITTEE");
        Instant routedAt = Instant.parse(event.get("occurredAt").asText());
        assertThat(Instant.parse(
                        event.get("assignments").get(0).get("ackDeadline").asText()))
                .isEqualTo(routedAt.plus(Duration.ofHours(24)));
        assertThat(event.get("liaisonRequired").asBoolean()).isFalse();
        assertThat(event.get("takedownRequired").asBoolean()).isFalse();
        assertThat(event.get("takedownUrls")).isEmpty();
    }

    @Test
    void legacyProvince30HaiDuongRoutesToHaiPhong() throws Exception {
        UUID reportId = UUID.randomUUID();
        send(
                report(
                        reportId,
                        Category.GROOMING,
                        Urgency.HIGH,
                        location("30", null, "288", "10507"),
                        true,
                        List.of()),
                null);

        JsonNode event =
                objectMapper.readTree(awaitCaseRouted(reportId, Lane.URGENT).value());
        UUID caseId = UUID.fromString(event.get("caseId").asText());
        assertThat(event.get("provinceCode").asText()).isEqualTo("31");
        assertThat(event.get("ruleId").asText()).isEqualTo("R2");
        assertThat(assignments(event)).first().isEqualTo("LEAD:CA-31:POLICE_PROVINCE");
        // HIGH halves R2's hour.
        Instant routedAt = Instant.parse(event.get("occurredAt").asText());
        assertThat(Instant.parse(
                        event.get("assignments").get(0).get("ackDeadline").asText()))
                .isEqualTo(routedAt.plus(Duration.ofMinutes(30)));

        CaseFixtures.getCase(TestTokens.admin(), caseId)
                .statusCode(200)
                .body("location.provinceCode", equalTo("31"))
                .body("location.level", equalTo("PROVINCE"))
                .body("location.notes", hasItem("legacy province 30 (Hải Dương) → 31 (Hải Phòng)"))
                .body("explanation", hasItem("location: legacy province 30 (Hải Dương) → 31 (Hải Phòng)"));
    }

    @Test
    void reportWithoutLocationGoesToNationalUnitsEvenUnregistered() throws Exception {
        UUID reportId = UUID.randomUUID();
        send(report(reportId, Category.SCAM, Urgency.NORMAL, null, false, List.of()), null);

        JsonNode event = objectMapper.readTree(awaitCaseRouted(reportId).value());
        assertThat(event.get("ruleId").asText()).isEqualTo("R5");
        assertThat(event.get("provinceCode").isNull()).isTrue();
        assertThat(assignments(event))
                .containsExactly(
                        "LEAD:NATIONAL_CYBER_POLICE:NATIONAL_CYBER_POLICE",
                        "SUPPORT:NATIONAL_INFOSEC:NATIONAL_INFOSEC");
        assertThat(event.get("assignments").get(0).get("agencyName").asText()).isEqualTo("unregistered national unit");
    }

    @Test
    void redeliveredReportCreatesNoSecondCaseAndNoSecondEvent() throws Exception {
        UUID reportId = UUID.randomUUID();
        String payload = send(
                report(
                        reportId,
                        Category.SEXTORTION,
                        Urgency.NORMAL,
                        location("01", null, null, null),
                        true,
                        List.of()),
                null);
        awaitCaseRouted(reportId);

        ConsumerRecord<String, String> original =
                kafka.awaitRecord(EventTypes.REPORTS_TOPIC, reportId.toString(), WAIT);
        // The broker redelivers the very record; then intake re-publishes the same report under a new event id.
        kafka.resend(original);
        kafka.send(reportRecord(original.partition(), reportId.toString(), payload, reportHeaders(reportId)));
        // A later record on the same partition: once it is routed, both duplicates have been handled.
        UUID marker = UUID.randomUUID();
        send(
                report(marker, Category.OTHER, Urgency.NORMAL, location("01", null, null, null), false, List.of()),
                original.partition());
        awaitCaseRouted(marker);

        assertThat(fixtures.count("SELECT count(*) FROM case_report WHERE report_id = ?", reportId))
                .isEqualTo(1);
        assertThat(fixtures.count(
                        "SELECT count(*) FROM routing_case c JOIN case_report r ON r.case_id = c.id "
                                + "WHERE r.report_id = ?",
                        reportId))
                .isEqualTo(1);
        assertThat(fixtures.count(
                        "SELECT count(*) FROM outbox_event WHERE event_type = '" + EventTypes.CASE_ROUTED
                                + "' AND payload LIKE ?",
                        "%" + reportId + "%"))
                .isEqualTo(1);
        assertThat(fixtures.count(
                        "SELECT count(*) FROM inbox_event WHERE event_id = ?", header(original, CloudEventHeaders.ID)))
                .isEqualTo(1);
        List<ConsumerRecord<String, String>> events =
                kafka.readUntil(EventTypes.CASES_TOPIC, r -> false, Duration.ofSeconds(3));
        assertThat(events)
                .filteredOn(r -> r.value().contains(reportId.toString()))
                .hasSize(1);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndThePartitionKeepsFlowing() throws Exception {
        int partition = 1;
        String notJsonKey = UUID.randomUUID().toString();
        String notJson = "{\"reportId\": this is not JSON";
        kafka.send(reportRecord(partition, notJsonKey, notJson, reportHeaders(UUID.randomUUID())));
        String headerlessKey = UUID.randomUUID().toString();
        String headerless = send(
                report(UUID.fromString(headerlessKey), Category.OTHER, Urgency.NORMAL, null, false, List.of()),
                partition,
                List.of());
        UUID next = UUID.randomUUID();
        send(
                report(next, Category.CSAM, Urgency.NORMAL, location("01", null, null, null), false, List.of()),
                partition);

        ConsumerRecord<String, String> dead = kafka.awaitRecord(DLQ, notJsonKey, WAIT);
        assertThat(dead.value()).isEqualTo(notJson);
        assertThat(header(dead, "dead-letter-reason"))
                .contains("not a valid ReportReceived v1 JSON document")
                .doesNotContain("this is not JSON");
        ConsumerRecord<String, String> noHeaders = kafka.awaitRecord(DLQ, headerlessKey, WAIT);
        assertThat(noHeaders.value()).isEqualTo(headerless);
        assertThat(header(noHeaders, "dead-letter-reason")).contains("missing CloudEvents header ce_id");

        JsonNode event = objectMapper.readTree(awaitCaseRouted(next).value());
        assertThat(assignments(event)).first().isEqualTo("LEAD:CA-01:POLICE_PROVINCE");
        assertThat(fixtures.count(
                        "SELECT count(*) FROM case_report WHERE report_id = ?", UUID.fromString(headerlessKey)))
                .isZero();
    }

    @Test
    void urgentReportsOvertakeABacklogOfNormalOnes() throws Exception {
        List<UUID> normal = new ArrayList<>();
        List<UUID> urgent = new ArrayList<>();
        consumers.pause(CaseRoutingService.CONSUMER);
        try {
            for (int i = 0; i < 300; i++) {
                normal.add(UUID.randomUUID());
                sendInLane(report(
                        normal.get(i),
                        Category.OTHER,
                        Urgency.NORMAL,
                        location("01", null, null, null),
                        false,
                        List.of()));
            }
            // Queued behind the whole backlog: an intake relay would have published them last.
            for (Urgency urgency : List.of(Urgency.IMMEDIATE_DANGER, Urgency.HIGH, Urgency.IMMEDIATE_DANGER)) {
                UUID id = UUID.randomUUID();
                urgent.add(id);
                sendInLane(report(id, Category.GROOMING, urgency, location("01", null, null, null), true, List.of()));
            }
        } finally {
            consumers.resume(CaseRoutingService.CONSUMER);
        }

        List<UUID> all = new ArrayList<>(normal);
        all.addAll(urgent);
        await().atMost(WAIT)
                .until(() ->
                        fixtures.count("SELECT count(*) FROM case_report WHERE report_id = ANY(?)", all) == all.size());
        // Every urgent case was routed before the first case of the backlog.
        assertThat(routedBetween(urgent)[1]).isBefore(routedBetween(normal)[0]);
    }

    // --- helpers ---

    private static ReportReceived.Location location(String province, String commune, String district, String ward) {
        return new ReportReceived.Location(province, commune, district, ward);
    }

    private static ReportReceived report(
            UUID reportId,
            Category category,
            Urgency urgency,
            ReportReceived.Location location,
            boolean victimGiven,
            List<String> urls) {
        return CaseFixtures.hotlineReport(
                reportId,
                category,
                urgency,
                location == null ? new ReportReceived.Location(null, null, null, null) : location,
                victimGiven,
                urls.stream()
                        .map(u -> new ReportReceived.ContentItem(u, "video.example.com", null, null, null, null))
                        .toList());
    }

    /** Sends a report as intake's relay would: key = report id, CloudEvents headers. */
    private String send(ReportReceived report, Integer partition) throws Exception {
        return send(report, partition, reportHeaders(report.reportId()));
    }

    private String send(ReportReceived report, Integer partition, List<Header> headers) throws Exception {
        String json = reportJson(objectMapper, report);
        kafka.send(reportRecord(partition, report.reportId().toString(), json, headers));
        return json;
    }

    /** Sends a report to its lane's topic, as intake's relay would. */
    private void sendInLane(ReportReceived report) throws Exception {
        kafka.send(new ProducerRecord<>(
                Lane.of(report.urgency()).topic(EventTypes.REPORTS_TOPIC),
                null,
                report.reportId().toString(),
                objectMapper.writeValueAsString(report),
                reportHeaders(report.reportId())));
    }

    /** When the cases of these reports were routed, earliest and latest. */
    private Instant[] routedBetween(List<UUID> reportIds) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT min(rc.routed_at), max(rc.routed_at), count(*) FROM routing_case rc "
                                + "JOIN case_report r ON r.case_id = rc.id WHERE r.report_id = ANY(?)")) {
            s.setArray(1, c.createArrayOf("uuid", reportIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(3)).isEqualTo(reportIds.size());
                return new Instant[] {
                    rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()
                };
            }
        }
    }

    /** The CaseRouted record of a normal-lane report, checked against the event contract. */
    private ConsumerRecord<String, String> awaitCaseRouted(UUID reportId) {
        return awaitCaseRouted(reportId, Lane.NORMAL);
    }

    /** The CaseRouted record of a report, read from its lane's topic, checked against the event contract. */
    private ConsumerRecord<String, String> awaitCaseRouted(UUID reportId, Lane lane) {
        String id = reportId.toString();
        ConsumerRecord<String, String> record = kafka
                .readUntil(
                        lane.topic(EventTypes.CASES_TOPIC),
                        r -> r.value() != null && r.value().contains(id),
                        WAIT)
                .stream()
                .filter(r -> r.value() != null && r.value().contains(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No CaseRouted for report " + id));
        assertThat(EventSchemas.violations("case-routed.v1.schema.json", record.value()))
                .isEmpty();
        return record;
    }

    private static List<String> assignments(JsonNode event) {
        List<String> out = new ArrayList<>();
        event.get("assignments")
                .forEach(a -> out.add(
                        a.get("role").asText() + ":" + a.get("agencyCode").asText() + ":"
                                + a.get("agencyType").asText()));
        return out;
    }
}
