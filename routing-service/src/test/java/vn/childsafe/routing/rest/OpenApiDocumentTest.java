package vn.childsafe.routing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.childsafe.testsupport.ChildSafeTestResources;

/** The OpenAPI document lists every endpoint of issue 4 with a summary, its status codes and problem answers. */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class OpenApiDocumentTest {

    @Test
    void everyEndpointIsDocumentedWithItsStatusCodes() {
        JsonPath doc = given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("/api/v1/cases get", List.of("200", "400", "401", "403")),
                Map.entry("/api/v1/cases/{caseId} get", List.of("200", "401", "403", "404")),
                Map.entry(
                        "/api/v1/cases/{caseId}/assignments/{assignmentId}/acknowledge post",
                        List.of("200", "401", "403", "404", "409")),
                Map.entry(
                        "/api/v1/cases/{caseId}/assignments/{assignmentId}/decline post",
                        List.of("200", "400", "401", "403", "404", "409")),
                Map.entry("/api/v1/cases/{caseId}/transfer post", List.of("200", "400", "401", "403", "404", "409")),
                Map.entry("/api/v1/cases/{caseId}/resolve post", List.of("200", "400", "401", "403", "404", "409")),
                Map.entry("/api/v1/admin-units/import post", List.of("200", "400", "401", "403", "413", "415")),
                Map.entry("/api/v1/admin-units get", List.of("200", "400", "401", "403")),
                Map.entry("/api/v1/admin-units/resolve get", List.of("200", "401", "403")),
                Map.entry("/api/v1/rule-sets get", List.of("200", "401", "403")),
                Map.entry("/api/v1/rule-sets post", List.of("201", "400", "401", "403", "409")),
                Map.entry("/api/v1/rule-sets/{version} get", List.of("200", "401", "403", "404")),
                Map.entry("/api/v1/rule-sets/{version}/activate post", List.of("200", "401", "403", "404", "409")),
                Map.entry("/api/v1/routing/simulate post", List.of("200", "400", "401", "403", "404")),
                Map.entry("/api/v1/stats get", List.of("200", "400", "401", "403")));
        expected.forEach((operation, codes) -> {
            String[] parts = operation.split(" ");
            String base = "paths.'" + parts[0] + "'." + parts[1];
            assertThat(doc.getString(base + ".summary")).as(operation).isNotBlank();
            Map<String, Object> responses = doc.getMap(base + ".responses");
            assertThat(responses).as(operation).containsKeys(codes.toArray(String[]::new));
            codes.stream()
                    .filter(code -> code.startsWith("4"))
                    .forEach(code -> assertThat(doc.getMap(base + ".responses.'" + code + "'.content"))
                            .as(operation + " " + code)
                            .containsKey("application/problem+json"));
        });
        assertThat(doc.getString("paths.'/api/v1/rule-sets'.post.requestBody.content.'application/json'.examples"))
                .contains("default-3");
        assertThat(doc.getString("paths.'/api/v1/admin-units/import'.post.requestBody.content.'text/csv'.examples"))
                .contains("level,code,parent_code");
    }
}
