package vn.childsafe.notify.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hamcrest.Matchers;

import io.restassured.http.ContentType;
import vn.childsafe.testsupport.TestTokens;

/** Calls of the notify API that several tests need. */
public final class Api {

    private Api() {}

    /** Registers {@code agencyCode}'s webhook (admin). */
    public static void putWebhook(String agencyCode, String url, String... secrets) {
        putContactPoint(agencyCode, Map.of("webhookUrl", url, "secrets", List.of(secrets)));
    }

    /** Registers {@code agencyCode}'s contact point on every channel given; {@code secret} may be {@code null}. */
    public static void putContactPoint(
            String agencyCode, String webhookUrl, String secret, List<String> emails, List<String> smsNumbers) {
        Map<String, Object> body = new HashMap<>();
        body.put("webhookUrl", webhookUrl);
        body.put("secrets", secret == null ? List.of() : List.of(secret));
        body.put("emails", emails);
        body.put("smsNumbers", smsNumbers);
        putContactPoint(agencyCode, body);
    }

    private static void putContactPoint(String agencyCode, Map<String, Object> body) {
        given().auth()
                .oauth2(TestTokens.admin())
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/contact-points/{code}", agencyCode)
                .then()
                .statusCode(Matchers.anyOf(Matchers.is(200), Matchers.is(201)));
    }

    /** The deliveries of a case as ops see them. */
    public static List<Map<String, Object>> deliveriesOf(UUID caseId) {
        return given().auth()
                .oauth2(TestTokens.ops())
                .queryParam("caseId", caseId.toString())
                .get("/api/v1/deliveries")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
    }

    /** The one delivery of a case to an agency. */
    public static Map<String, Object> deliveryTo(UUID caseId, String agencyCode) {
        List<Map<String, Object>> matching = deliveriesOf(caseId).stream()
                .filter(d -> agencyCode.equals(d.get("agencyCode")))
                .toList();
        if (matching.size() != 1) {
            throw new AssertionError(
                    "Expected one delivery to " + agencyCode + " for case " + caseId + ", found " + matching);
        }
        return matching.get(0);
    }
}
