package vn.childsafe.notify.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.childsafe.testsupport.ChildSafeTestResources;

@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = vn.childsafe.notify.support.ChannelStubs.class, scope = TestResourceScope.GLOBAL)
class OpenApiAndHealthTest {

    /** The management interface, on a port of its own (random in tests: quarkus.management.test-port=0), under /q. */
    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    private static JsonPath openApi() {
        return given().accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void everyOperationDocumentsItsErrorAnswersAsProblemJson() {
        JsonPath openApi = openApi();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/v1/contact-points/{agencyCode}",
                        "/api/v1/deliveries",
                        "/api/v1/deliveries/{id}/retry",
                        "/api/v1/platforms",
                        "/api/v1/platforms/{code}",
                        "/api/v1/takedown-requests",
                        "/api/v1/takedown-requests/{id}/result",
                        "/api/v1/manual-tasks",
                        "/api/v1/platform-compliance");
        List<String> operations = List.of(
                "/api/v1/contact-points/{agencyCode}:get",
                "/api/v1/contact-points/{agencyCode}:put",
                "/api/v1/deliveries:get",
                "/api/v1/deliveries/{id}/retry:post",
                "/api/v1/platforms:get",
                "/api/v1/platforms:post",
                "/api/v1/platforms/{code}:get",
                "/api/v1/platforms/{code}:put",
                "/api/v1/takedown-requests:get",
                "/api/v1/takedown-requests/{id}/result:post",
                "/api/v1/manual-tasks:get",
                "/api/v1/platform-compliance:get");
        for (String operation : operations) {
            String[] parts = operation.split(":");
            String base = "paths.'" + parts[0] + "'." + parts[1];
            assertThat(openApi.getString(base + ".summary")).as(operation).isNotBlank();
            Map<String, Object> responses = openApi.getMap(base + ".responses");
            assertThat(responses).as(operation).containsKeys("401", "403");
            for (String status : List.of("400", "401", "403", "404", "409")) {
                if (responses.containsKey(status)) {
                    assertThat(openApi.getMap(base + ".responses.'" + status + "'.content"))
                            .as(operation + " " + status)
                            .containsKey("application/problem+json");
                }
            }
        }
    }

    @Test
    void theContactPointSchemasShowNoInternalsAndNoSecrets() {
        JsonPath openApi = openApi();
        Map<String, Object> request = openApi.getMap("components.schemas.ContactPointRequest.properties");
        assertThat(request).containsOnlyKeys("webhookUrl", "secrets", "emails", "smsNumbers");
        Map<String, Object> view = openApi.getMap("components.schemas.ContactPoint.properties");
        assertThat(view).containsKeys("secretCount", "secretFingerprints").doesNotContainKey("secrets");
    }

    @Test
    void theTakedownResultOperationDocumentsItsExampleAndEveryStatus() {
        JsonPath openApi = openApi();
        String base = "paths.'/api/v1/takedown-requests/{id}/result'.post";
        assertThat(openApi.getMap(base + ".responses")).containsKeys("200", "400", "401", "403", "404", "409", "415");
        assertThat(openApi.getMap(base + ".requestBody.content.'application/json'.examples"))
                .isNotEmpty();
        assertThat(openApi.getMap("components.schemas.Platform.properties"))
                .containsKeys("secretFingerprints")
                .doesNotContainKey("secrets");
    }

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().get(readiness).then().statusCode(200).body("status", equalTo("UP"));
    }
}
