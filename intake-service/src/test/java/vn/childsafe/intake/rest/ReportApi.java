package vn.childsafe.intake.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import vn.childsafe.testsupport.TestTokens;

/** The report API of {@link ReportResource} as its clients call it, for this module's tests. */
public final class ReportApi {

    private ReportApi() {}

    /** {@code POST /api/v1/reports} with this bearer token and JSON body. */
    public static Response submit(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/reports");
    }

    /** Submits {@code body} as the 111 hotline's system; the report must be accepted. Its id. */
    public static String acceptedFromHotline(String body) {
        return submit(TestTokens.reporter("hotline-111"), body)
                .then()
                .statusCode(202)
                .extract()
                .path("reportId");
    }

    /** {@code GET /api/v1/reports/{reportId}}: the status, as the token's client may see it. */
    public static ValidatableResponse status(String token, String reportId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/reports/" + reportId)
                .then();
    }

    /** {@code GET /api/v1/reports/{reportId}/details}: the report with identity, as the token's holder may see it. */
    public static ValidatableResponse details(String token, String reportId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/reports/" + reportId + "/details")
                .then();
    }
}
