package vn.childsafe.intake.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.childsafe.testsupport.ChildSafeTestResources;

@QuarkusTest
@Order(1)
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class OpenApiAndHealthTest {

    /** The management interface, on a port of its own (random in tests: quarkus.management.test-port=0), under /q. */
    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @Test
    void theOpenApiDocumentDescribesEveryAnswerOfTheSubmitOperationWithExamples() {
        JsonPath doc = openApiDocument();
        Map<String, Object> responses = doc.getMap("paths.'/api/v1/reports'.post.responses");
        assertThat(responses).containsKeys("202", "400", "401", "403", "409", "413", "415", "422");
        for (String code : List.of("400", "401", "403", "409", "413", "415", "422")) {
            assertThat(doc.getMap("paths.'/api/v1/reports'.post.responses.'" + code
                            + "'.content.'application/problem+json'.examples"))
                    .as(code)
                    .isNotEmpty();
        }
        assertThat(doc.getString("paths.'/api/v1/reports'.post.requestBody.content.'application/json'.examples"))
                .contains("HOTLINE_111");
        assertThat(doc.getMap("paths.'/api/v1/reports/{reportId}/details'.get.responses"))
                .containsKeys("200", "401", "403", "404");
        assertThat(doc.getMap("paths.'/api/v1/access-log'.get.responses")).containsKeys("200", "400", "401", "403");
        assertThat(doc.getString("components.schemas.ReportSubmission.properties.description.description"))
                .contains("nội dung phản ánh");
    }

    @Test
    void everyFieldOfTheReportBodyIsDescribed() {
        JsonPath doc = openApiDocument();
        for (String schema : List.of("ReportSubmission", "Source", "Location", "Victim", "Reporter", "Content")) {
            Map<String, Map<String, Object>> properties = doc.getMap("components.schemas." + schema + ".properties");
            assertThat(properties).as(schema).isNotEmpty();
            properties.forEach((name, property) -> assertThat(property.get("description"))
                    .as(schema + "." + name)
                    .isNotNull());
        }
    }

    private static JsonPath openApiDocument() {
        return given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * Readiness is the database alone: reports go into the outbox while Kafka is down (docs/runbook.md, "Health and
     * what to watch"); the relay's state is shown by a check of its own that never turns readiness DOWN.
     */
    @Test
    void readinessCoversTheDatabaseNotKafkaAndShowsTheRelay() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        JsonPath health = given().get(readiness)
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .extract()
                .jsonPath();
        assertThat(health.getList("checks.name", String.class))
                .contains("Database connections health check", "outbox-relay")
                .doesNotContain("Kafka connection health check");
        assertThat(health.getString("checks.find { it.name == 'outbox-relay' }.data.relay"))
                .isEqualTo("publishing");
        assertThat(health.getLong("checks.find { it.name == 'outbox-relay' }.data.pending"))
                .isGreaterThanOrEqualTo(0);
    }
}
