package vn.childsafe.routing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.routing.cases.CaseFixtures;
import vn.childsafe.routing.service.CaseRoutingService;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/** Every read of a case's details is in its access log, shown or refused, and only admins read the log. */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class CaseAccessLogTest {

    @Inject
    CaseRoutingService routing;

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void readsOfACaseShownOrRefusedAreLoggedForAdmins() {
        CaseFixtures.putAgency("BVTE-48", "CHILD_PROTECTION_PROVINCE", "48", null, null);
        CaseFixtures.putAgency("CA-48", "POLICE_PROVINCE", "48", null, null);
        UUID caseId = new CaseFixtures(routing, dataSource, objectMapper)
                .route(Category.OTHER, Urgency.NORMAL, "48", null, false, List.of());

        given().auth()
                .oauth2(TestTokens.unit("BVTE-48"))
                .when()
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.unit("CA-99"))
                .when()
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TestTokens.ops())
                .when()
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(TestTokens.admin())
                .when()
                .get("/api/v1/cases/" + caseId + "/access-log")
                .then()
                .statusCode(200)
                .body("actor", contains("BVTE-48", "CA-99", "ops"))
                .body("outcome", contains("SHOWN", "NOT_VISIBLE", "SHOWN"));
        given().auth()
                .oauth2(TestTokens.ops())
                .when()
                .get("/api/v1/cases/" + caseId + "/access-log")
                .then()
                .statusCode(403);
    }
}
