package vn.childsafe.notify.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = vn.childsafe.notify.support.ChannelStubs.class, scope = TestResourceScope.GLOBAL)
class DeliveryResourceTest {

    @Test
    void aCaseWithoutDeliveriesListsNone() {
        for (String token : List.of(TestTokens.ops(), TestTokens.admin())) {
            given().auth()
                    .oauth2(token)
                    .queryParam("caseId", UUID.randomUUID().toString())
                    .get("/api/v1/deliveries")
                    .then()
                    .statusCode(200)
                    .body("items", empty());
        }
    }

    @Test
    void invalidQueryParametersAre400() {
        given().auth()
                .oauth2(TestTokens.ops())
                .queryParam("caseId", "not-a-uuid")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        given().auth()
                .oauth2(TestTokens.ops())
                .queryParam("state", "LOST")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TestTokens.ops())
                .queryParam("limit", "100000")
                .get("/api/v1/deliveries")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void retryOfAnUnknownDeliveryIs404() {
        given().auth()
                .oauth2(TestTokens.ops())
                .post("/api/v1/deliveries/{id}/retry", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().auth()
                .oauth2(TestTokens.ops())
                .post("/api/v1/deliveries/{id}/retry", "not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyOpsAndAdminMayReadOrRetryDeliveries() {
        given().get("/api/v1/deliveries").then().statusCode(401).contentType("application/problem+json");
        given().post("/api/v1/deliveries/{id}/retry", UUID.randomUUID())
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        for (String token :
                List.of(TestTokens.unit("CA-01"), TestTokens.reporter("gov"), TestTokens.platform("tiktok"))) {
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/deliveries")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(token)
                    .post("/api/v1/deliveries/{id}/retry", UUID.randomUUID())
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
    }
}
