package vn.childsafe.notify.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import vn.childsafe.commons.signing.WebhookSignature;
import vn.childsafe.notify.domain.SecretFingerprint;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = vn.childsafe.notify.support.ChannelStubs.class, scope = TestResourceScope.GLOBAL)
class ContactPointResourceTest {

    private static final String PATH = "/api/v1/contact-points/{code}";

    private static String newAgency() {
        return "CA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static Response put(String code, Object body) {
        return given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .put(PATH, code);
    }

    @Test
    void putCreatesThenReplacesIdempotentlyAndNeverEchoesSecrets() {
        String code = newAgency();
        String secret = WebhookSignature.newSecret();
        Map<String, Object> body = Map.of(
                "webhookUrl",
                "http://127.0.0.1:8089/hooks/" + code,
                "secrets",
                List.of(secret),
                "emails",
                List.of("truc-ban@cand.hanoi.gov.vn"),
                "smsNumbers",
                List.of("+84912345678"));

        Response created = put(code, body);
        created.then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/contact-points/" + code))
                .body("agencyCode", equalTo(code))
                .body("webhookUrl", equalTo("http://127.0.0.1:8089/hooks/" + code))
                .body("secretCount", equalTo(1))
                .body("secretFingerprints", equalTo(List.of(SecretFingerprint.of(secret))))
                .body("emails", equalTo(List.of("truc-ban@cand.hanoi.gov.vn")))
                .body("smsNumbers", equalTo(List.of("+84912345678")));
        assertThat(created.asString()).doesNotContain(secret).doesNotContain("whsec_");

        put(code, body).then().statusCode(200).body("secretCount", equalTo(1));

        Response read = given().auth().oauth2(TestTokens.admin()).get(PATH, code);
        read.then()
                .statusCode(200)
                .body("agencyCode", equalTo(code))
                .body("secretFingerprints", equalTo(List.of(SecretFingerprint.of(secret))))
                .body("createdAt", equalTo(created.jsonPath().getString("createdAt")));
        assertThat(read.asString()).doesNotContain(secret).doesNotContain("whsec_");
    }

    @Test
    void putReplacesTheWholeContactPoint() {
        String code = newAgency();
        put(
                        code,
                        Map.of(
                                "webhookUrl",
                                "https://example.gov.vn/hooks",
                                "secrets",
                                List.of(WebhookSignature.newSecret(), WebhookSignature.newSecret()),
                                "emails",
                                List.of("a@example.gov.vn")))
                .then()
                .statusCode(201)
                .body("secretCount", equalTo(2));

        put(code, Map.of("smsNumbers", List.of("0912345678"))).then().statusCode(200);

        given().auth()
                .oauth2(TestTokens.admin())
                .get(PATH, code)
                .then()
                .statusCode(200)
                .body("webhookUrl", nullValue())
                .body("secretCount", equalTo(0))
                .body("emails", empty())
                .body("smsNumbers", equalTo(List.of("0912345678")));
    }

    @Test
    void invalidBodiesAreRejectedWithAPointerPerField() {
        String code = newAgency();
        put(
                        code,
                        Map.of(
                                "webhookUrl",
                                "ftp://example.gov.vn/hooks",
                                "secrets",
                                List.of("not-a-secret"),
                                "emails",
                                List.of("nope"),
                                "smsNumbers",
                                List.of("12ab")))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("errors.pointer", equalTo(List.of("/emails/0", "/secrets/0", "/smsNumbers/0", "/webhookUrl")));

        put(code, Map.of("webhookUrl", "https://example.gov.vn/hooks"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", equalTo(List.of("/secrets")));

        put(code, Map.of("webhookURL", "https://example.gov.vn/hooks"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", hasItems("/webhookURL"));

        put(code, "{\"webhookUrl\": ").then().statusCode(400).contentType("application/problem+json");

        // Nothing was stored by any of these.
        given().auth()
                .oauth2(TestTokens.admin())
                .get(PATH, code)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void invalidAgencyCodeInThePathIsRejected() {
        put("bad code!", Map.of("emails", List.of("a@example.gov.vn")))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownAgencyIs404() {
        given().auth()
                .oauth2(TestTokens.admin())
                .get(PATH, newAgency())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void callersWithoutTokenGet401AndOtherRolesGet403() {
        String code = newAgency();
        Map<String, Object> body = Map.of("emails", List.of("a@example.gov.vn"));

        given().get(PATH, code).then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(body)
                .put(PATH, code)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2("not.a.jwt").get(PATH, code).then().statusCode(401);

        for (String token : List.of(TestTokens.ops(), TestTokens.unit(code), TestTokens.reporter("gov"))) {
            given().auth().oauth2(token).get(PATH, code).then().statusCode(403).contentType("application/problem+json");
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .put(PATH, code)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.admin()).get(PATH, code).then().statusCode(404);
    }
}
