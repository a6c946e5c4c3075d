package vn.childsafe.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/**
 * Per-client write quotas: client {@code quota-test} may send 3 writes a minute in the test profile; the fourth is
 * a 429 problem with Retry-After, counted in metrics, and other clients are not affected.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class QuotaTest {

    /** Metrics are on the management interface, on a random port in tests. */
    @TestHTTPResource(value = "metrics", management = true)
    URL metricsUrl;

    private static final String REPORT = """
            {"category": "OTHER", "urgency": "NORMAL", "description": "Thử hạn mức", "location": {"provinceCode": "01"}}""";

    @Test
    void aClientPastItsQuotaGets429WithRetryAfterAndOthersGoOn() {
        for (int i = 0; i < 3; i++) {
            ReportApi.submit(TestTokens.reporter("quota-test"), REPORT).then().statusCode(202);
        }
        String retryAfter = ReportApi.submit(TestTokens.reporter("quota-test"), REPORT)
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("type", equalTo("https://childsafe.gov.vn/problems/quota"))
                .extract()
                .header("Retry-After");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        ReportApi.submit(TestTokens.reporter("gov-a"), REPORT).then().statusCode(202);
        // Reads are not counted.
        ReportApi.status(TestTokens.reporter("quota-test"), "00000000-0000-0000-0000-000000000000")
                .statusCode(Matchers.not(429));

        // Metrics are on the management port (quarkus.management.test-port in tests).
        String metrics =
                given().when().get(metricsUrl).then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("childsafe_quota_exceeded_total\\{client=\"quota-test\"[^}]*} [1-9]");
    }
}
