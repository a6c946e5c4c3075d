package vn.childsafe.routing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/**
 * The agency register over HTTP, on the real database. Uses provinces 92 and 96 only, so that the routing tests
 * (provinces 01 and 31) never meet these agencies; registers no national units.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class AgencyResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> provincePolice(String code, String province) {
        return Map.of(
                "code",
                code,
                "name",
                "Công an tỉnh " + province,
                "type",
                "POLICE_PROVINCE",
                "provinceCode",
                province,
                "escalationParentCode",
                "A05",
                "validFrom",
                "2025-07-01");
    }

    @Test
    void adminRegistersAnAgencyAndReadsItBack() {
        String code = uniqueCode("CA-92");
        String location = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(provincePolice(code, "92"))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/agencies/" + code))
                .body("code", equalTo(code))
                .body("type", equalTo("POLICE_PROVINCE"))
                .body("provinceCode", equalTo("92"))
                .body("active", equalTo(true))
                .body("validFrom", equalTo("2025-07-01"))
                .extract()
                .header("Location");

        given().auth()
                .oauth2(TestTokens.ops())
                .when()
                .get(location)
                .then()
                .statusCode(200)
                .body("name", equalTo("Công an tỉnh 92"))
                .body("escalationParentCode", equalTo("A05"));
    }

    @Test
    void registeringAnExistingCodeAgainIsAConflict() {
        String code = uniqueCode("CA-96");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(provincePolice(code, "96"))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(provincePolice(code, "96"))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("status", equalTo(409))
                .body("title", equalTo("Conflict"))
                .body("instance", equalTo("/api/v1/agencies"));
    }

    @Test
    void putCreatesThenReplacesIdempotently() {
        String code = uniqueCode("BVTE-92");
        Map<String, Object> body = Map.of(
                "name", "Phòng Bảo vệ trẻ em Cần Thơ", "type", "CHILD_PROTECTION_PROVINCE", "provinceCode", "92");

        Response created = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/v1/agencies/" + code);
        created.then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/agencies/" + code))
                .body("code", equalTo(code));

        Response again = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .put("/api/v1/agencies/" + code);
        again.then().statusCode(200);
        // Same content: nothing changed, not even the update time.
        assertThat(again.jsonPath().getMap("")).isEqualTo(created.jsonPath().getMap(""));

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "code",
                        code,
                        "name",
                        "Sở Y tế Cần Thơ – Phòng BVTE",
                        "type",
                        "CHILD_PROTECTION_PROVINCE",
                        "provinceCode",
                        "92",
                        "active",
                        false))
                .when()
                .put("/api/v1/agencies/" + code)
                .then()
                .statusCode(200)
                .body("name", equalTo("Sở Y tế Cần Thơ – Phòng BVTE"))
                .body("active", equalTo(false));

        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get("/api/v1/agencies/" + code)
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
        assertThat(given().auth()
                        .oauth2(TestTokens.admin())
                        .queryParam("provinceCode", "92")
                        .queryParam("type", "CHILD_PROTECTION_PROVINCE")
                        .queryParam("size", 500)
                        .when()
                        .get("/api/v1/agencies")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.code", String.class))
                .containsOnlyOnce(code);
    }

    @Test
    void invalidBodyIsA400ProblemWithPointers() {
        Response response = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", "CA 92 bad", "name", "", "type", "POLICE_PROVINCE", "provinceCode", "9"))
                .when()
                .post("/api/v1/agencies");
        response.then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("type", startsWith("https://childsafe.gov.vn/problems/validation"));
        assertThat(response.jsonPath().getList("errors.pointer", String.class))
                .containsExactlyInAnyOrder("/code", "/name", "/provinceCode");
    }

    @Test
    void unknownEnumValueAndCrossFieldRulesAre400ProblemsWithPointers() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "X", "type", "MINISTRY", "provinceCode", "92"))
                .when()
                .put("/api/v1/agencies/" + uniqueCode("X"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/type"));

        Response commune = given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Công an xã", "type", "POLICE_COMMUNE", "provinceCode", "30"))
                .when()
                .put("/api/v1/agencies/" + uniqueCode("CAX"));
        commune.then().statusCode(400).contentType(PROBLEM);
        assertThat(commune.jsonPath().getList("errors.pointer", String.class))
                .containsExactlyInAnyOrder("/provinceCode", "/communeCode");

        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", "OTHER", "name", "A05", "type", "NATIONAL_CYBER_POLICE", "provinceCode", "92"))
                .when()
                .put("/api/v1/agencies/" + uniqueCode("A05"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\": ")
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/agencies"));
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        given().when()
                .get("/api/v1/agencies")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().when().get("/api/v1/agencies/CA-01").then().statusCode(401).contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(provincePolice("CA-X", "92"))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().contentType(ContentType.JSON)
                .body(provincePolice("CA-X", "92"))
                .when()
                .put("/api/v1/agencies/CA-X")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().when()
                .get("/api/v1/cases/" + UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
    }

    @Test
    void wrongRolesAnswer403() {
        String code = uniqueCode("CA-92");
        given().auth()
                .oauth2(TestTokens.unit(code))
                .contentType(ContentType.JSON)
                .body(provincePolice(code, "92"))
                .when()
                .post("/api/v1/agencies")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(TestTokens.ops())
                .contentType(ContentType.JSON)
                .body(provincePolice(code, "92"))
                .when()
                .put("/api/v1/agencies/" + code)
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(TestTokens.reporter("hotline"))
                .when()
                .get("/api/v1/agencies")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(TestTokens.platform("tiktok"))
                .when()
                .get("/api/v1/cases?reportId=" + UUID.randomUUID())
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get("/api/v1/agencies/" + code)
                .then()
                .statusCode(404);
    }

    @Test
    void aUnitSeesOnlyItsOwnAgency() {
        String own = uniqueCode("TTTT-96");
        String other = uniqueCode("CA-96");
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Sở Thông tin Cà Mau", "type", "INFORMATION_PROVINCE", "provinceCode", "96"))
                .when()
                .put("/api/v1/agencies/" + own)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(provincePolice(other, "96"))
                .when()
                .put("/api/v1/agencies/" + other)
                .then()
                .statusCode(201);

        List<String> seen = given().auth()
                .oauth2(TestTokens.unit(own))
                .when()
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .extract()
                .jsonPath()
                .getList("items.code", String.class);
        assertThat(seen).containsExactly(own);

        given().auth()
                .oauth2(TestTokens.unit(own))
                .when()
                .get("/api/v1/agencies/" + own)
                .then()
                .statusCode(200)
                .body("code", equalTo(own));
        given().auth()
                .oauth2(TestTokens.unit(own))
                .when()
                .get("/api/v1/agencies/" + other)
                .then()
                .statusCode(404)
                .contentType(PROBLEM);

        // Admins and ops see both.
        assertThat(given().auth()
                        .oauth2(TestTokens.ops())
                        .queryParam("provinceCode", "96")
                        .queryParam("size", 500)
                        .when()
                        .get("/api/v1/agencies")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("items.code", String.class))
                .contains(own, other);
    }

    @Test
    void openapiDocumentsTheAgencyEndpointsWithoutAToken() {
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths.'/api/v1/agencies/{code}'.put.responses.'201'.description", startsWith("Created"))
                .body(
                        "paths.'/api/v1/agencies'.post.responses.'409'.content.'application/problem+json'",
                        Matchers.notNullValue());
    }
}
