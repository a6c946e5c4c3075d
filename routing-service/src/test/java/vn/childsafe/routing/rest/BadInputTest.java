package vn.childsafe.routing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/**
 * Input that once reached PostgreSQL or overflowed and came back as a 500 is refused with a 400 problem: NUL in a
 * path, a query or a JSON string, percent-encoding that is not UTF-8, a page past what a query can skip.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class BadInputTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void nulOrMalformedTextInAPathOrQueryIsA400() {
        for (String path : new String[] {
            "/api/v1/agencies/%00",
            "/api/v1/rule-sets/%00",
            "/api/v1/hash-lists/a%00b",
            "/api/v1/agencies/%C3%28",
            "/api/v1/cases?provinceCode=0%001"
        }) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .urlEncodingEnabled(false)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("status", equalTo(400));
        }
    }

    @Test
    void nulInAJsonStringIsA400NamingTheField() {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"list\\u0000\", \"source\": \"x\", \"category\": \"CSAM\"}")
                .when()
                .post("/api/v1/hash-lists")
                .then()
                .statusCode(400)
                .contentType(PROBLEM)
                .body("errors.pointer", hasItem("/name"))
                .body("errors.message", hasItem(containsString("NUL")));
    }

    @Test
    void aPagePastWhatAQueryCanSkipIsA400() {
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("page", Integer.MAX_VALUE)
                .queryParam("size", 200)
                .when()
                .get("/api/v1/cases")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("page", 5_000_000)
                .queryParam("size", 500)
                .when()
                .get("/api/v1/agencies")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
        given().auth()
                .oauth2(TestTokens.admin())
                .queryParam("page", 4_000_000)
                .queryParam("size", 500)
                .when()
                .get("/api/v1/agencies")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void jsonBodiesAreLimitedTo64KibWhileCsvImportsMayBeLarger() {
        String big = "x".repeat(70 * 1024);
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"version\": \"big\", \"description\": \"" + big + "\"}")
                .when()
                .post("/api/v1/rule-sets")
                .then()
                .statusCode(413)
                .contentType(PROBLEM);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            csv.append("sha256,").append(String.format("%064x", i)).append('\n');
        }
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body("{\"name\": \"big-import\", \"source\": \"test\", \"category\": \"OTHER\"}")
                .when()
                .post("/api/v1/hash-lists")
                .then()
                .statusCode(Matchers.oneOf(201, 409));
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType("text/csv")
                .body(csv.toString())
                .when()
                .put("/api/v1/hash-lists/big-import/entries")
                .then()
                .statusCode(200)
                .body("total", equalTo(2_000));
        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .delete("/api/v1/hash-lists/big-import")
                .then()
                .statusCode(204);
    }
}
