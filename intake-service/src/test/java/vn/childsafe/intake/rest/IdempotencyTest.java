package vn.childsafe.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

@QuarkusTest
@Order(1)
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class IdempotencyTest {

    private static final String BODY_TEMPLATE = """
            {"source": {"channel": "PLATFORM", "reference": "%s"}, "category": "CSAM", "urgency": "HIGH",
             "description": "Nền tảng tự động phát hiện nội dung xâm hại trẻ em.",
             "content": [{"url": "https://www.tiktok.com/@x/video/1", "platform": "tiktok"}]}""";

    /** A unique source reference per test, so reports can be counted. */
    private final String reference = "evt-" + UUID.randomUUID();

    private final String body = BODY_TEMPLATE.formatted(reference);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sameKeyAndBodyReplaysTheFirstAnswerAndStoresOneReport() {
        String key = "evt-" + UUID.randomUUID();
        Response first = post(TestTokens.platform("tiktok"), key, body);
        first.then().statusCode(202).header("Idempotent-Replayed", (String) null);
        String reportId = first.path("reportId");

        // Whitespace and unknown fields do not make another request.
        Response again = post(
                TestTokens.platform("tiktok"),
                key,
                body.replace(", \"category\"", ",\n   \"category\"")
                        .replace("{\"source\"", "{\"clientNote\": \"retry\", \"source\""));
        again.then()
                .statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .body("reportId", equalTo(reportId))
                .body("trackingCode", equalTo(first.path("trackingCode")))
                .body("receivedAt", equalTo(first.path("receivedAt")));
        assertThat(reportsWithReference()).isEqualTo(1);
    }

    @Test
    void sameKeyWithAnotherBodyIs422() {
        String key = "evt-" + UUID.randomUUID();
        post(TestTokens.platform("tiktok"), key, body).then().statusCode(202);
        post(TestTokens.platform("tiktok"), key, body.replace("HIGH", "NORMAL"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://childsafe.gov.vn/problems/idempotency-key-reused"));
    }

    @Test
    void keysAreScopedPerClient() {
        String key = "shared-" + UUID.randomUUID();
        String a = post(TestTokens.platform("tiktok"), key, body)
                .then()
                .statusCode(202)
                .extract()
                .path("reportId");
        String b = post(TestTokens.platform("zalo"), key, body)
                .then()
                .statusCode(202)
                .header("Idempotent-Replayed", (String) null)
                .extract()
                .path("reportId");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aDuplicateWhileTheFirstIsInProgressIs409() throws Exception {
        String key = "evt-" + UUID.randomUUID();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                INSERT INTO idempotency_key (client_id, idem_key, request_hash, state, created_at, expires_at)
                VALUES ('platform-tiktok', ?, 'x', 'IN_PROGRESS', now(), now() + interval '1 day')""")) {
            s.setString(1, key);
            s.executeUpdate();
        }
        // The in-progress row has another hash, so take the hash the service computes from a completed twin.
        String twin = "twin-" + UUID.randomUUID();
        post(TestTokens.platform("tiktok"), twin, body).then().statusCode(202);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE idempotency_key SET request_hash = (SELECT request_hash FROM idempotency_key WHERE idem_key = ?)"
                                + " WHERE idem_key = ?")) {
            s.setString(1, twin);
            s.setString(2, key);
            s.executeUpdate();
        }
        post(TestTokens.platform("tiktok"), key, body)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
    }

    @Test
    void concurrentDuplicatesCreateExactlyOneReport() throws Exception {
        String key = "burst-" + UUID.randomUUID();
        String token = TestTokens.platform("tiktok");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Callable<Response> call = () -> post(token, key, body);
            answers.add(pool.submit(call));
        }
        List<String> reportIds = new ArrayList<>();
        int conflicts = 0;
        int fresh = 0;
        for (Future<Response> f : answers) {
            Response r = f.get();
            if (r.statusCode() == 409) {
                conflicts++;
            } else {
                assertThat(r.statusCode()).isEqualTo(202);
                reportIds.add(r.path("reportId"));
                if (r.header("Idempotent-Replayed") == null) {
                    fresh++;
                }
            }
        }
        pool.shutdown();
        assertThat(fresh).isEqualTo(1);
        assertThat(reportIds).containsOnly(reportIds.get(0));
        assertThat(conflicts + reportIds.size()).isEqualTo(16);
        assertThat(reportsWithReference()).isEqualTo(1);
    }

    @Test
    void platformsMustSendAKeyAndKeysMustBeSane() {
        ReportApi.submit(TestTokens.platform("tiktok"), body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://childsafe.gov.vn/problems/idempotency-key-required"));
        post(TestTokens.platform("tiktok"), "x".repeat(201), body).then().statusCode(400);
        // Reporters may go without.
        ReportApi.submit(TestTokens.reporter("gov"), body).then().statusCode(202);
    }

    private static Response post(String token, String key, String body) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reports");
    }

    private long reportsWithReference() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM report WHERE source_reference = ?")) {
            s.setString(1, reference);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
