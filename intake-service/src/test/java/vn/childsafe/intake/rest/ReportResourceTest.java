package vn.childsafe.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.EventSchemas;
import vn.childsafe.testsupport.KafkaTestClient;
import vn.childsafe.testsupport.TestTokens;

@QuarkusTest
@Order(1)
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class ReportResourceTest {

    /** Identity values of the full report below: none may ever be seen outside the vault. */
    static final List<String> IDENTITY = List.of(
            "Nguyễn Thị Hoa",
            "Trường THCS Ngọc Hà",
            "Trần Văn Bình",
            "0912345678",
            "binh.tran@example.vn",
            "Số 5 ngõ 12 Đội Cấn",
            "dụ dỗ cháu gửi ảnh");

    static final String FULL_REPORT = """
            {
              "source": {"channel": "HOTLINE_111", "reference": "111-2026-000123"},
              "category": "GROOMING",
              "urgency": "HIGH",
              "description": "Một tài khoản lạ dụ dỗ cháu gửi ảnh nhạy cảm qua mạng xã hội.",
              "occurredAt": "2026-11-20T10:00:00+07:00",
              "location": {"provinceCode": "01", "communeCode": "00004", "address": "Số 5 ngõ 12 Đội Cấn"},
              "victim": {"ageYears": 12, "gender": "FEMALE", "name": "Nguyễn Thị Hoa", "school": "Trường THCS Ngọc Hà"},
              "reporter": {"anonymous": false, "name": "Trần Văn Bình", "phone": "0912345678",
                           "email": "binh.tran@example.vn", "relationship": "PARENT"},
              "content": [{"url": "https://www.facebook.com/profile.php?id=100000000000001", "platform": "facebook",
                           "sha256": "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
                           "pdq": "F8F8F0CEE0F4A84F06370A22038F63F0B36E2ED596621E1D33E6B39C4E9C9B22", "pdqQuality": 87}],
              "someFieldWeDoNotKnow": "ignored"
            }""";

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void anApiClientCannotPassItsReportOffAsOneFromThePublicPage() {
        ReportApi.submit(
                        TestTokens.reporter("gov"),
                        "{\"source\": {\"channel\": \"WEB_PUBLIC\"}, \"category\": \"OTHER\", \"urgency\": \"NORMAL\", "
                                + "\"description\": \"x\"}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/source/channel"));
    }

    @Test
    void acceptsAReportAndPublishesOnlyRoutingFacts() throws Exception {
        String reportId = ReportApi.submit(TestTokens.reporter("hotline-111"), FULL_REPORT)
                .then()
                .statusCode(202)
                .header("Location", matchesPattern(".*/api/v1/reports/[0-9a-f-]{36}"))
                .body("status", equalTo("RECEIVED"))
                .body("trackingCode", matchesPattern("CS-[2-9A-Z]{4}-[2-9A-Z]{4}"))
                .body("receivedAt", notNullValue())
                .extract()
                .path("reportId");

        // A HIGH report travels in the urgent lane.
        ConsumerRecord<String, String> record =
                new KafkaTestClient(kafka).awaitRecord("reports.received.v1.urgent", reportId, Duration.ofSeconds(30));
        assertThat(header(record, "ce_type")).isEqualTo("vn.childsafe.report.received.v1");
        assertThat(header(record, "ce_source")).isEqualTo("/childsafe/intake-service");
        assertThat(header(record, "ce_id")).isNotBlank();
        assertThat(header(record, "ce_time")).isNotBlank();
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(EventSchemas.violations("report-received.v1.schema.json", record.value()))
                .isEmpty();
        assertThat(record.value())
                .contains(
                        "\"category\":\"GROOMING\"",
                        "\"provinceCode\":\"01\"",
                        "\"schoolGiven\":true",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "\"pdq\":\"f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22\"",
                        "\"pdqQuality\":87");

        StringBuilder everythingOnKafka = new StringBuilder(record.value());
        for (Header h : record.headers()) {
            everythingOnKafka.append(new String(h.value(), StandardCharsets.UTF_8));
        }
        for (String identity : IDENTITY) {
            assertThat(everythingOnKafka.toString()).doesNotContain(identity);
        }
    }

    @Test
    void identityIsEncryptedAtRest() throws Exception {
        String reportId = ReportApi.acceptedFromHotline(FULL_REPORT);
        List<String> row = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM report WHERE id = '" + reportId + "'")) {
            assertThat(rs.next()).isTrue();
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.add(String.valueOf(rs.getString(i)));
            }
            assertThat(rs.getString("reporter_phone_enc")).startsWith("v2.test2:");
        }
        String stored = String.join("|", row);
        for (String identity : IDENTITY) {
            assertThat(stored).doesNotContain(identity);
        }
    }

    @Test
    void listsEveryViolationWithAJsonPointerAndStoresNothing() {
        long before = reportCount();
        ReportApi.submit(TestTokens.reporter("gov-a"), """
                        {"category": "GROOMING", "urgency": "NORMAL", "description": " ",
                         "location": {"provinceCode": "1", "communeCode": "0004"},
                         "victim": {"ageYears": 18},
                         "reporter": {"phone": "12345", "email": "not-an-email"},
                         "content": [{"url": "ftp://x.vn/a", "sha256": "abc", "pdq": "xyz", "pdqQuality": 101,
                                      "platform": "=HYPERLINK('http://evil.example')"}]}""")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://childsafe.gov.vn/problems/validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/reports"))
                .body(
                        "errors.pointer",
                        containsInAnyOrder(
                                "/description",
                                "/location/provinceCode",
                                "/location/communeCode",
                                "/victim/ageYears",
                                "/reporter/phone",
                                "/reporter/email",
                                "/content/0/url",
                                "/content/0/sha256",
                                "/content/0/pdq",
                                "/content/0/pdqQuality",
                                "/content/0/platform"));
        assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void rejectsMissingRequiredFieldsAndUnknownEnumValues() {
        ReportApi.submit(TestTokens.reporter("gov-a"), "{\"description\": \"x\"}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/category", "/urgency"));

        ReportApi.submit(
                        TestTokens.reporter("gov-a"),
                        "{\"category\": \"SPAM\", \"urgency\": \"NORMAL\", \"description\": \"x\"}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/category"))
                .body("errors[0].message", Matchers.containsString("CSAM"));
    }

    @Test
    void everyViolationOfOneBodyIsListedInOne400EnumsIncluded() {
        long before = reportCount();
        ReportApi.submit(TestTokens.reporter("gov-a"), """
                        {"category": "SPAM", "urgency": "SOON", "description": " ",
                         "reporter": {"relationship": "UNCLE", "phone": "12345"},
                         "content": [{"platform": "=cmd", "sha256": "abc", "url": "https://x.vn/\\u0000"}]}""")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(
                        "errors.pointer",
                        containsInAnyOrder(
                                "/category",
                                "/urgency",
                                "/description",
                                "/reporter/relationship",
                                "/reporter/phone",
                                "/content/0/platform",
                                "/content/0/sha256",
                                "/content/0/url"))
                .body("errors.find { it.pointer == '/urgency' }.message", Matchers.containsString("IMMEDIATE_DANGER"));
        assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void aNulCharacterInAnyTextIsAClientErrorAndNothingIsStored() {
        long before = reportCount();
        ReportApi.submit(
                        TestTokens.reporter("gov-a"),
                        "{\"category\": \"OTHER\", \"urgency\": \"NORMAL\", \"description\": \"con t\\u0000i\"}")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/description"))
                .body("errors[0].message", Matchers.containsString("NUL"));
        given().auth()
                .oauth2(TestTokens.reporter("gov-a"))
                .urlEncodingEnabled(false)
                .when()
                .get("/api/v1/reports/%00")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        assertThat(reportCount()).isEqualTo(before);
    }

    @Test
    void malformedJsonAndEmptyBodiesAreClientErrors() {
        ReportApi.submit(TestTokens.reporter("gov-a"), "{\"category\": ")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.reporter("gov-a"))
                .contentType(ContentType.JSON)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void provinceCodesMustBeKnownCurrentOrLegacy() {
        String body = "{\"category\": \"OTHER\", \"urgency\": \"NORMAL\", \"description\": \"x\", "
                + "\"location\": {\"provinceCode\": \"%s\"}}";
        ReportApi.submit(TestTokens.reporter("gov-a"), body.formatted("99"))
                .then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/location/provinceCode"));
        for (String code : List.of("01", "30", "70", "02", "96")) {
            ReportApi.submit(TestTokens.reporter("gov-a"), body.formatted(code))
                    .then()
                    .statusCode(202);
        }
    }

    @Test
    void descriptionsAreNormalisedToNfcAndCountedInCharacters() throws Exception {
        // "Hòa" written with a combining grave accent (NFD) is stored in NFC.
        String decomposed = "Ho\u0300a";
        String reportId = ReportApi.acceptedFromHotline(
                "{\"category\": \"OTHER\", \"urgency\": \"NORMAL\", \"description\": \"" + decomposed + "\"}");
        ReportApi.details(TestTokens.admin(), reportId).statusCode(200).body("description", equalTo("H\u00f2a"));

        String tenThousandVietnamese = "ệ".repeat(10_000);
        ReportApi.submit(
                        TestTokens.reporter("gov-a"),
                        "{\"category\": \"OTHER\", \"urgency\": \"NORMAL\", \"description\": \"" + tenThousandVietnamese
                                + "\"}")
                .then()
                .statusCode(202);
        ReportApi.submit(
                        TestTokens.reporter("gov-a"),
                        "{\"category\": \"OTHER\", \"urgency\": \"NORMAL\", \"description\": \"" + tenThousandVietnamese
                                + "ệ\"}")
                .then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/description"));
    }

    @Test
    void wrongMediaTypeIs415() {
        given().auth()
                .oauth2(TestTokens.reporter("gov-a"))
                .contentType(ContentType.TEXT)
                .body("category=CSAM")
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("status", equalTo(415));
    }

    @Test
    void requiresAValidTokenWithASubmittingRole() {
        given().contentType(ContentType.JSON)
                .body(FULL_REPORT)
                .when()
                .post("/api/v1/reports")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        ReportApi.submit("not.a.jwt", FULL_REPORT).then().statusCode(401).contentType("application/problem+json");
        String foreignToken = vn.childsafe.local.infra.JwtIssuer.generate()
                .token("intruder", Set.of("reporter"), Map.of(), Duration.ofMinutes(5));
        ReportApi.submit(foreignToken, FULL_REPORT).then().statusCode(401);
        // Our own issuer's token, made for another system: refused for its audience.
        String otherAudience = TestTokens.token("hotline-111", Set.of("reporter"), Map.of("aud", "another-system"));
        ReportApi.submit(otherAudience, FULL_REPORT).then().statusCode(401).contentType("application/problem+json");
        ReportApi.submit(TestTokens.unit("CA-01"), FULL_REPORT)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheSubmittingClientSeesTheStatus() {
        String reportId = ReportApi.acceptedFromHotline(FULL_REPORT);
        ReportApi.status(TestTokens.reporter("hotline-111"), reportId)
                .statusCode(200)
                .body("status", equalTo("RECEIVED"))
                .body("reportId", equalTo(reportId));
        ReportApi.status(TestTokens.reporter("another-system"), reportId)
                .statusCode(404)
                .contentType("application/problem+json");
        ReportApi.status(TestTokens.reporter("hotline-111"), "not-a-uuid")
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = "{\"category\":\"OTHER\",\"urgency\":\"NORMAL\",\"description\":\"" + "a".repeat(70_000) + "\"}";
        ReportApi.submit(TestTokens.reporter("gov-a"), huge)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    private long reportCount() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM report")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
