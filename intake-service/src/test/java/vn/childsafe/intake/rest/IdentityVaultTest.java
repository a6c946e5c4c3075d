package vn.childsafe.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.childsafe.commons.crypto.FieldCipher;
import vn.childsafe.commons.crypto.Reencryption;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.intake.report.Report;
import vn.childsafe.intake.service.IdentityVault;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.EventSchemas;
import vn.childsafe.testsupport.KafkaTestClient;
import vn.childsafe.testsupport.TestTokens;

/**
 * The status projection of cases.events.v1 and the identity vault behind it, driven through the real broker.
 */
@QuarkusTest
@Order(1)
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class IdentityVaultTest {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IdentityVault vault;

    @Inject
    Reencryption reencryption;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theSenderFollowsItsReportAndOnlyAssignedUnitsReadTheIdentity() throws Exception {
        String reportId = submit();
        UUID caseId = UUID.randomUUID();
        publish(caseId, "vn.childsafe.case.routed.v1", routed(caseId, reportId));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.reporter("hotline-111"))
                        .get("/api/v1/reports/" + reportId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("ROUTED"))
                        .body("caseId", equalTo(caseId.toString()))
                        .body("leadAgencyCode", equalTo("CA-01"))
                        .body("leadAgencyName", equalTo("Công an Thành phố Hà Nội")));

        given().auth()
                .oauth2(TestTokens.unit("CA-01"))
                .get("/api/v1/reports/" + reportId + "/details")
                .then()
                .statusCode(200)
                .body("description", equalTo("Một tài khoản lạ dụ dỗ cháu gửi ảnh nhạy cảm qua mạng xã hội."))
                .body("victim.name", equalTo("Nguyễn Thị Hoa"))
                .body("reporter.phone", equalTo("0912345678"))
                .body("location.address", equalTo("Số 5 ngõ 12 Đội Cấn"));
        given().auth()
                .oauth2(TestTokens.unit("BVTE-01"))
                .get("/api/v1/reports/" + reportId + "/details")
                .then()
                .statusCode(200)
                .body("victim.school", equalTo("Trường THCS Ngọc Hà"));
        given().auth()
                .oauth2(TestTokens.unit("CA-31"))
                .get("/api/v1/reports/" + reportId + "/details")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/reports/" + reportId + "/details")
                .then()
                .statusCode(200)
                .body("reporter.name", equalTo("Trần Văn Bình"));
        given().auth()
                .oauth2(TestTokens.reporter("hotline-111"))
                .get("/api/v1/reports/" + reportId + "/details")
                .then()
                .statusCode(403);

        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("reportId", reportId)
                .get("/api/v1/access-log")
                .then()
                .statusCode(200)
                .body("agencyCode", contains("CA-01", "BVTE-01", "CA-31", null))
                .body("outcome", contains("GRANTED", "GRANTED", "DENIED", "GRANTED"));
        given().auth()
                .oauth2(TestTokens.unit("CA-01"))
                .queryParam("reportId", reportId)
                .get("/api/v1/access-log")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/access-log")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aUnitLosesAccessWhenItsAgencyIsNoLongerAssigned() throws Exception {
        String reportId = submit();
        UUID caseId = UUID.randomUUID();
        publish(caseId, "vn.childsafe.case.routed.v1", routed(caseId, reportId));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.unit("CA-01"))
                        .get("/api/v1/reports/" + reportId + "/details")
                        .then()
                        .statusCode(200));

        // A later event (e.g. a transfer) lists the current assignments only.
        publish(caseId, "vn.childsafe.case.transferred.v1", """
                {"caseId": "%s", "status": "ROUTED", "reportIds": ["%s"], "occurredAt": "%s",
                 "assignments": [{"agencyCode": "CA-31", "agencyName": "Công an Thành phố Hải Phòng", "role": "LEAD"}]}""".formatted(caseId, reportId, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.unit("CA-31"))
                        .get("/api/v1/reports/" + reportId + "/details")
                        .then()
                        .statusCode(200));
        given().auth()
                .oauth2(TestTokens.unit("CA-01"))
                .get("/api/v1/reports/" + reportId + "/details")
                .then()
                .statusCode(404);
    }

    @Test
    void identityIsErasedAfterTheCaseIsResolvedForTheRetentionPeriod() throws Exception {
        String reportId = submit();
        UUID caseId = UUID.randomUUID();
        publish(caseId, "vn.childsafe.case.routed.v1", routed(caseId, reportId));
        publish(caseId, "vn.childsafe.case.resolved.v1", """
                {"caseId": "%s", "status": "RESOLVED", "reportIds": ["%s"], "occurredAt": "%s",
                 "assignments": [{"agencyCode": "CA-01", "agencyName": "Công an Thành phố Hà Nội", "role": "LEAD"}]}""".formatted(caseId, reportId, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.reporter("hotline-111"))
                        .get("/api/v1/reports/" + reportId)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo("RESOLVED")));

        // Resolved just now: kept.
        vault.purgeResolved();
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/reports/" + reportId + "/details")
                .then()
                .body("victim.name", equalTo("Nguyễn Thị Hoa"));

        execute("UPDATE report SET resolved_at = now() - interval '181 days' WHERE id = '" + reportId + "'");
        assertThat(vault.purgeResolved()).isGreaterThanOrEqualTo(1);
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/reports/" + reportId + "/details")
                .then()
                .statusCode(200)
                .body("description", nullValue())
                .body("victim.name", nullValue())
                .body("reporter.phone", nullValue())
                .body("location.address", nullValue())
                .body("identityPurgedAt", Matchers.notNullValue())
                .body("category", equalTo("GROOMING"))
                .body("victim.ageYears", equalTo(12))
                .body("location.provinceCode", equalTo("01"));
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT description_enc, victim_name_enc, reporter_phone_enc "
                        + "FROM report WHERE id = '" + reportId + "'")) {
            rs.next();
            assertThat(rs.getString(1)).isNull();
            assertThat(rs.getString(2)).isNull();
            assertThat(rs.getString(3)).isNull();
        }
    }

    @Test
    void aPoisonCaseEventGoesToTheDeadLetterTopicAndTheNextOneIsApplied() throws Exception {
        UUID poisonCase = UUID.randomUUID();
        publish(poisonCase, "vn.childsafe.case.routed.v1", "{not json");
        String reportId = submit();
        UUID caseId = UUID.randomUUID();
        publish(caseId, "vn.childsafe.case.routed.v1", routed(caseId, reportId));

        new KafkaTestClient(kafka).awaitRecord("intake-service.dlq", poisonCase.toString(), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(TestTokens.reporter("hotline-111"))
                        .get("/api/v1/reports/" + reportId)
                        .then()
                        .body("status", equalTo("ROUTED")));
    }

    private String routed(UUID caseId, String reportId) throws Exception {
        Instant now = Instant.now();
        CaseRouted event = new CaseRouted(
                caseId,
                "ROUTED",
                List.of(UUID.fromString(reportId)),
                now,
                Category.GROOMING,
                Urgency.HIGH,
                "01",
                null,
                "default-1",
                "R2",
                List.of(
                        new CaseRouted.Assignment(
                                UUID.randomUUID(),
                                "CA-01",
                                "Công an Thành phố Hà Nội",
                                "POLICE_PROVINCE",
                                CaseRouted.Role.LEAD,
                                now.plusSeconds(1800)),
                        new CaseRouted.Assignment(
                                UUID.randomUUID(),
                                "BVTE-01",
                                "Phòng Bảo vệ trẻ em Hà Nội",
                                "CHILD_PROTECTION_PROVINCE",
                                CaseRouted.Role.SUPPORT,
                                now.plusSeconds(1800))),
                true,
                false,
                List.of(),
                List.of());
        String json = objectMapper.writeValueAsString(event);
        assertThat(EventSchemas.violations("case-routed.v1.schema.json", json)).isEmpty();
        return json;
    }

    private void publish(UUID caseId, String type, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>("cases.events.v1", caseId.toString(), payload);
        CloudEventHeaders.of(
                        UUID.randomUUID().toString(),
                        type,
                        "/childsafe/routing-service",
                        Instant.now(),
                        caseId.toString())
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        new KafkaTestClient(kafka).send(record);
    }

    @Test
    void anIdentityMovedToAnotherReportDoesNotDecryptAndOldKeysAreRetiredByReencryption() throws Exception {
        String first = submit();
        String second = submit();
        assertThat(query("SELECT victim_name_enc FROM report WHERE id = '" + first + "'"))
                .startsWith("v2.test2:")
                .doesNotContain("Hoa");

        // A database writer copies one report's sealed name into another: it is refused, not shown.
        execute("UPDATE report SET victim_name_enc = (SELECT reporter_name_enc FROM report WHERE id = '" + first
                + "') WHERE id = '" + second + "'");
        assertThatThrownBy(() -> vault.read(UUID.fromString(second), new IdentityVault.Reader("admin", true, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("Bình");

        // Written under the retired key test1: still readable, then rewritten under test2 by the job.
        FieldCipher retired = new FieldCipher(
                Map.of("test1", Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")), "test1");
        execute("UPDATE report SET victim_name_enc = '"
                + retired.encrypt("Lò Thị Sen", Report.VICTIM_NAME.context(UUID.fromString(second))) + "' WHERE id = '"
                + second + "'");
        assertThat(reencryption.countStale()).isGreaterThanOrEqualTo(1);
        assertThat(reencryption.run()).isGreaterThanOrEqualTo(1);
        assertThat(reencryption.countStale()).isZero();
        assertThat(query("SELECT victim_name_enc FROM report WHERE id = '" + second + "'"))
                .startsWith("v2.test2:");
        given().auth()
                .oauth2(TestTokens.admin())
                .get("/api/v1/reports/" + second + "/details")
                .then()
                .statusCode(200)
                .body("victim.name", equalTo("Lò Thị Sen"));
    }

    private String query(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String submit() {
        return given().auth()
                .oauth2(TestTokens.reporter("hotline-111"))
                .contentType(ContentType.JSON)
                .body(ReportResourceTest.FULL_REPORT)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(202)
                .extract()
                .path("reportId");
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
