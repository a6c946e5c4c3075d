package vn.childsafe.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.commons.crypto.FieldCipher;
import vn.childsafe.commons.crypto.Reencryption;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.intake.messaging.RoutingCaseEvents;
import vn.childsafe.intake.report.Report;
import vn.childsafe.intake.service.IdentityVault;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.EventSchemas;
import vn.childsafe.testsupport.KafkaTestClient;
import vn.childsafe.testsupport.Sql;
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
        UUID caseId = route(reportId);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> ReportApi.status(TestTokens.reporter("hotline-111"), reportId)
                        .statusCode(200)
                        .body("status", equalTo("ROUTED"))
                        .body("caseId", equalTo(caseId.toString()))
                        .body("leadAgencyCode", equalTo("CA-01"))
                        .body("leadAgencyName", equalTo("Công an Thành phố Hà Nội")));

        ReportApi.details(TestTokens.unit("CA-01"), reportId)
                .statusCode(200)
                .body("description", equalTo("Một tài khoản lạ dụ dỗ cháu gửi ảnh nhạy cảm qua mạng xã hội."))
                .body("victim.name", equalTo("Nguyễn Thị Hoa"))
                .body("reporter.phone", equalTo("0912345678"))
                .body("location.address", equalTo("Số 5 ngõ 12 Đội Cấn"));
        ReportApi.details(TestTokens.unit("BVTE-01"), reportId)
                .statusCode(200)
                .body("victim.school", equalTo("Trường THCS Ngọc Hà"));
        ReportApi.details(TestTokens.unit("CA-31"), reportId).statusCode(404).contentType("application/problem+json");
        ReportApi.details(TestTokens.admin(), reportId).statusCode(200).body("reporter.name", equalTo("Trần Văn Bình"));
        ReportApi.details(TestTokens.reporter("hotline-111"), reportId).statusCode(403);

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
        UUID caseId = route(reportId);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        ReportApi.details(TestTokens.unit("CA-01"), reportId).statusCode(200));

        // A later event (e.g. a transfer) lists the current assignments only.
        RoutingCaseEvents.publish(
                kafka,
                caseId,
                "vn.childsafe.case.transferred.v1",
                RoutingCaseEvents.withLead(caseId, "ROUTED", reportId, "CA-31", "Công an Thành phố Hải Phòng"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        ReportApi.details(TestTokens.unit("CA-31"), reportId).statusCode(200));
        ReportApi.details(TestTokens.unit("CA-01"), reportId).statusCode(404);
    }

    @Test
    void identityIsErasedAfterTheCaseIsResolvedForTheRetentionPeriod() throws Exception {
        String reportId = submit();
        UUID caseId = route(reportId);
        RoutingCaseEvents.publish(
                kafka,
                caseId,
                "vn.childsafe.case.resolved.v1",
                RoutingCaseEvents.withLead(caseId, "RESOLVED", reportId, "CA-01", "Công an Thành phố Hà Nội"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> ReportApi.status(TestTokens.reporter("hotline-111"), reportId)
                        .statusCode(200)
                        .body("status", equalTo("RESOLVED")));

        // Resolved just now: kept.
        vault.purgeResolved();
        ReportApi.details(TestTokens.admin(), reportId).body("victim.name", equalTo("Nguyễn Thị Hoa"));

        Sql.execute(
                dataSource,
                "UPDATE report SET resolved_at = now() - interval '181 days' WHERE id = '" + reportId + "'");
        assertThat(vault.purgeResolved()).isGreaterThanOrEqualTo(1);
        ReportApi.details(TestTokens.admin(), reportId)
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
        RoutingCaseEvents.publish(kafka, poisonCase, "vn.childsafe.case.routed.v1", "{not json");
        String reportId = submit();
        UUID caseId = route(reportId);

        new KafkaTestClient(kafka).awaitRecord("intake-service.dlq", poisonCase.toString(), Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> ReportApi.status(TestTokens.reporter("hotline-111"), reportId)
                        .body("status", equalTo("ROUTED")));
    }

    /** Publishes routing's decision for {@code reportId}: a new case, CA-01 leading, BVTE-01 supporting. Its id. */
    private UUID route(String reportId) throws Exception {
        UUID caseId = UUID.randomUUID();
        RoutingCaseEvents.publish(kafka, caseId, "vn.childsafe.case.routed.v1", routed(caseId, reportId));
        return caseId;
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

    @Test
    void anIdentityMovedToAnotherReportDoesNotDecryptAndOldKeysAreRetiredByReencryption() throws Exception {
        String first = submit();
        String second = submit();
        assertThat(Sql.text(dataSource, "SELECT victim_name_enc FROM report WHERE id = '" + first + "'"))
                .startsWith("v2.test2:")
                .doesNotContain("Hoa");

        // A database writer copies one report's sealed name into another: it is refused, not shown.
        Sql.execute(
                dataSource,
                "UPDATE report SET victim_name_enc = (SELECT reporter_name_enc FROM report WHERE id = '" + first
                        + "') WHERE id = '" + second + "'");
        assertThatThrownBy(() -> vault.read(UUID.fromString(second), new IdentityVault.Reader("admin", true, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("Bình");

        // Written under the retired key test1: still readable, then rewritten under test2 by the job.
        FieldCipher retired = new FieldCipher(
                Map.of("test1", Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")), "test1");
        Sql.execute(
                dataSource,
                "UPDATE report SET victim_name_enc = '"
                        + retired.encrypt("Lò Thị Sen", Report.VICTIM_NAME.context(UUID.fromString(second)))
                        + "' WHERE id = '"
                        + second + "'");
        assertThat(reencryption.countStale()).isGreaterThanOrEqualTo(1);
        assertThat(reencryption.run()).isGreaterThanOrEqualTo(1);
        assertThat(reencryption.countStale()).isZero();
        assertThat(Sql.text(dataSource, "SELECT victim_name_enc FROM report WHERE id = '" + second + "'"))
                .startsWith("v2.test2:");
        ReportApi.details(TestTokens.admin(), second).statusCode(200).body("victim.name", equalTo("Lò Thị Sen"));
    }

    private static String submit() {
        return ReportApi.acceptedFromHotline(ReportResourceTest.FULL_REPORT);
    }
}
