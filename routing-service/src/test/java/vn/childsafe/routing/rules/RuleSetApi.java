package vn.childsafe.routing.rules;

import static io.restassured.RestAssured.given;

import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import vn.childsafe.testsupport.TestTokens;

/** The rule-set and simulation endpoints, as the tests call them. */
public final class RuleSetApi {

    private RuleSetApi() {}

    /** Stores a draft rule set, given as JSON text. */
    public static Response postDraft(String token, String draft) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(draft)
                .when()
                .post("/api/v1/rule-sets");
    }

    /** The answer to reading one rule set, to check. */
    public static ValidatableResponse get(String token, String version) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/rule-sets/" + version)
                .then();
    }

    /** Makes a rule set the active one, as an admin. */
    public static Response activate(String version) {
        return given().auth().oauth2(TestTokens.admin()).when().post("/api/v1/rule-sets/" + version + "/activate");
    }

    /** Simulates routing a report, as the API takes it, under the active rule set or, if given, {@code version}. */
    public static Response simulate(String token, String version, Map<String, ?> report) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(report);
        if (version != null) {
            request = request.queryParam("ruleSetVersion", version);
        }
        return request.when().post("/api/v1/routing/simulate");
    }
}
