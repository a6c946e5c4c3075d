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
import io.restassured.response.ValidatableResponse;
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
        String location = post(TestTokens.admin(), provincePolice(code, "92"))
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
        post(TestTokens.admin(), provincePolice(code, "96")).then().statusCode(201);

        post(TestTokens.admin(), provincePolice(code, "96"))
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

        Response created = put(TestTokens.admin(), code, body);
        created.then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/agencies/" + code))
                .body("code", equalTo(code));

        Response again = put(TestTokens.admin(), code, body);
        again.then().statusCode(200);
        // Same content: nothing changed, not even the update time.
        assertThat(again.jsonPath().getMap("")).isEqualTo(created.jsonPath().getMap(""));

        Map<String, Object> renamed = Map.of(
                "code",
                code,
                "name",
                "Sở Y tế Cần Thơ – Phòng BVTE",
                "type",
                "CHILD_PROTECTION_PROVINCE",
                "provinceCode",
                "92",
                "active",
                false);
        put(TestTokens.admin(), code, renamed)
                .then()
                .statusCode(200)
                .body("name", equalTo("Sở Y tế Cần Thơ – Phòng BVTE"))
                .body("active", equalTo(false));

        get(TestTokens.admin(), code).statusCode(200).body("active", equalTo(false));
        assertThat(listedCodes(
                        TestTokens.admin(),
                        Map.of("provinceCode", "92", "type", "CHILD_PROTECTION_PROVINCE", "size", 500)))
                .containsOnlyOnce(code);
    }

    @Test
    void invalidBodyIsA400ProblemWithPointers() {
        Response response = post(
                TestTokens.admin(),
                Map.of("code", "CA 92 bad", "name", "", "type", "POLICE_PROVINCE", "provinceCode", "9"));
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
        put(TestTokens.admin(), uniqueCode("X"), Map.of("name", "X", "type", "MINISTRY", "provinceCode", "92"))
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors[0].pointer", equalTo("/type"));

        Response commune = put(
                TestTokens.admin(),
                uniqueCode("CAX"),
                Map.of("name", "Công an xã", "type", "POLICE_COMMUNE", "provinceCode", "30"));
        commune.then().statusCode(400).contentType(PROBLEM);
        assertThat(commune.jsonPath().getList("errors.pointer", String.class))
                .containsExactlyInAnyOrder("/provinceCode", "/communeCode");

        put(
                        TestTokens.admin(),
                        uniqueCode("A05"),
                        Map.of("code", "OTHER", "name", "A05", "type", "NATIONAL_CYBER_POLICE", "provinceCode", "92"))
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
        post(TestTokens.unit(code), provincePolice(code, "92"))
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        put(TestTokens.ops(), code, provincePolice(code, "92"))
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
        get(TestTokens.admin(), code).statusCode(404);
    }

    @Test
    void aUnitSeesOnlyItsOwnAgency() {
        String own = uniqueCode("TTTT-96");
        String other = uniqueCode("CA-96");
        put(
                        TestTokens.admin(),
                        own,
                        Map.of("name", "Sở Thông tin Cà Mau", "type", "INFORMATION_PROVINCE", "provinceCode", "96"))
                .then()
                .statusCode(201);
        put(TestTokens.admin(), other, provincePolice(other, "96")).then().statusCode(201);

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

        get(TestTokens.unit(own), own).statusCode(200).body("code", equalTo(own));
        get(TestTokens.unit(own), other).statusCode(404).contentType(PROBLEM);

        // Admins and ops see both.
        assertThat(listedCodes(TestTokens.ops(), Map.of("provinceCode", "96", "size", 500)))
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

    private static Response post(String token, Map<String, ?> agency) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(agency)
                .when()
                .post("/api/v1/agencies");
    }

    private static Response put(String token, String code, Map<String, ?> agency) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(agency)
                .when()
                .put("/api/v1/agencies/" + code);
    }

    /** The answer to reading one agency, to check. */
    private static ValidatableResponse get(String token, String code) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/agencies/" + code)
                .then();
    }

    /** The codes on the first page of the agency list for this query. */
    private static List<String> listedCodes(String token, Map<String, ?> query) {
        return given().auth()
                .oauth2(token)
                .queryParams(query)
                .when()
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.code", String.class);
    }
}
