package vn.childsafe.routing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.routing.cases.CaseFixtures;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/** Every read of a case's details is in its access log, shown or refused, and only admins read the log. */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class CaseAccessLogTest {

    @Inject
    CaseFixtures fixtures;

    @Test
    void readsOfACaseShownOrRefusedAreLoggedForAdmins() {
        CaseFixtures.putAgency("BVTE-48", "CHILD_PROTECTION_PROVINCE", "48", null, null);
        CaseFixtures.putAgency("CA-48", "POLICE_PROVINCE", "48", null, null);
        UUID caseId = fixtures.route(Category.OTHER, Urgency.NORMAL, "48", null, false, List.of());

        CaseFixtures.getCase(TestTokens.unit("BVTE-48"), caseId).statusCode(200);
        CaseFixtures.getCase(TestTokens.unit("CA-99"), caseId).statusCode(404);
        CaseFixtures.getCase(TestTokens.ops(), caseId).statusCode(200);

        accessLog(TestTokens.admin(), caseId)
                .statusCode(200)
                .body("actor", contains("BVTE-48", "CA-99", "ops"))
                .body("outcome", contains("SHOWN", "NOT_VISIBLE", "SHOWN"));
        accessLog(TestTokens.ops(), caseId).statusCode(403);
    }

    private static ValidatableResponse accessLog(String token, UUID caseId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/v1/cases/" + caseId + "/access-log")
                .then();
    }
}
