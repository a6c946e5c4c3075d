package vn.childsafe.notify.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.childsafe.commons.signing.WebhookSignature;
import vn.childsafe.notify.support.Api;
import vn.childsafe.notify.support.ChannelStubs;
import vn.childsafe.notify.support.EndToEnd;
import vn.childsafe.notify.support.TestDns;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/**
 * SSRF and isolation: unit URLs are checked when registered and again before each send, redirects are never
 * followed, and a slow endpoint does not hold up the alerts of other units.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ChannelStubs.class, scope = TestResourceScope.GLOBAL)
class OutboundSafetyTest extends EndToEnd {

    @Inject
    EntityManager em;

    @Test
    void privateLinkLocalAndPlainHttpUrlsAreRefusedWhenRegistered() {
        for (String url : List.of(
                "https://10.0.0.7/hooks/x",
                "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data/",
                "http://169.254.169.254/latest/meta-data/",
                "https://[fd00::1]/hook",
                "https://[fe80::1]/hook",
                "https://0.0.0.0/hook",
                "http://203.162.4.190/hook")) {
            given().auth()
                    .oauth2(TestTokens.admin())
                    .contentType(ContentType.JSON)
                    .body(Map.of("webhookUrl", url, "secrets", List.of(WebhookSignature.newSecret())))
                    .put("/api/v1/contact-points/{code}", newAgency("SSRF"))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.pointer", hasItem("/webhookUrl"));
        }
    }

    @Test
    void aStoredPrivateUrlIsRefusedAtSendTimeWithoutAnyConnection() {
        String agency = newAgency("CA");
        registerWebhook(agency);
        // As if registered before the rule existed, or a name that now resolves to a private address.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "UPDATE contact_point SET webhook_url = 'https://10.255.255.1/hooks/x' WHERE agency_code = :code")
                        .setParameter("code", agency)
                        .executeUpdate());
        UUID caseId = UUID.randomUUID();

        route(caseId, agency, List.of());

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> delivery = Api.deliveryTo(caseId, agency);
            assertThat(delivery.get("state")).isEqualTo("FAILED");
            assertThat((String) delivery.get("lastError"))
                    .startsWith("Refused: the webhook URL")
                    .contains("10.255.255.1");
            assertThat(delivery.get("lastStatusCode")).isNull();
        });
        assertThat(receiver.requestsFor(agency)).isEmpty();
    }

    @Test
    void theRequestGoesToTheAddressTheCheckApprovedAndARebindingHostIsRefused() {
        // A name the system resolver does not know: only the checked answer can reach the receiver.
        String host = "hooks-" + UUID.randomUUID().toString().substring(0, 8) + ".example.test";
        String agency = newAgency("CA");
        String url = receiver.urlFor(agency).replace("127.0.0.1", host);
        TestDns.answer(host, "127.0.0.1");
        Api.putWebhook(agency, url, WebhookSignature.newSecret());
        UUID first = UUID.randomUUID();

        route(first, agency, List.of());

        awaitState(first, agency, "DELIVERED");
        assertThat(receiver.requestsFor(agency, first.toString()))
                .singleElement()
                .satisfies(r -> assertThat(r.header("host")).startsWith(host + ":"));
        // Once at registration, once before the send: the HTTP client never asked DNS again.
        assertThat(TestDns.lookups(host)).isEqualTo(2);

        // The name now points inside the data centre: the attempt is refused without a connection.
        TestDns.answer(host, "10.1.2.3");
        UUID second = UUID.randomUUID();
        route(second, agency, List.of());
        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> delivery = Api.deliveryTo(second, agency);
            assertThat(delivery.get("state")).isEqualTo("FAILED");
            assertThat((String) delivery.get("lastError"))
                    .startsWith("Refused: the webhook URL")
                    .contains("10.1.2.3");
        });
        assertThat(receiver.requestsFor(agency, second.toString())).isEmpty();
    }

    @Test
    void aRedirectIsNeverFollowedAndCountsAsAFailure() {
        String agency = newAgency("CA");
        String elsewhere = newAgency("INTERNAL");
        registerWebhook(agency);
        receiver.redirect(agency, receiver.urlFor(elsewhere));
        UUID caseId = UUID.randomUUID();

        route(caseId, agency, List.of());

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> delivery = Api.deliveryTo(caseId, agency);
            assertThat(delivery.get("state")).isEqualTo("FAILED");
            assertThat(delivery.get("lastStatusCode")).isEqualTo(302);
            assertThat((String) delivery.get("lastError")).contains("redirects are not followed");
        });
        assertThat(receiver.requestsFor(agency)).hasSize(5);
        assertThat(receiver.requestsFor(elsewhere)).as("the redirect target").isEmpty();
    }

    @Test
    void aRedirectToAPrivateAddressIsNotFollowed() {
        String agency = newAgency("CA");
        registerWebhook(agency);
        receiver.redirect(agency, "http://169.254.169.254/latest/meta-data/");
        UUID caseId = UUID.randomUUID();

        route(caseId, agency, List.of());

        await().atMost(WAIT).untilAsserted(() -> {
            Map<String, Object> delivery = Api.deliveryTo(caseId, agency);
            assertThat(delivery.get("lastStatusCode")).isEqualTo(302);
            assertThat((String) delivery.get("lastError")).contains("redirects are not followed");
        });
    }

    @Test
    void aSlowEndpointDoesNotDelayTheAlertsOfOtherUnits() {
        String slow = newAgency("SLOW");
        String fast = newAgency("FAST");
        registerWebhook(slow);
        registerWebhook(fast);
        receiver.delay(slow, 4_000); // past the 2 s read timeout of the test profile
        UUID caseId = UUID.randomUUID();

        route(caseId, slow, List.of(fast));

        // The fast unit is delivered while the slow one's first attempt is still waiting for its answer.
        await().atMost(Duration.ofMillis(1_800)).untilAsserted(() -> {
            assertThat(receiver.requestsFor(fast, caseId.toString())).hasSize(1);
            assertThat(Api.deliveryTo(caseId, fast).get("state")).isEqualTo("DELIVERED");
        });
        assertThat(Api.deliveryTo(caseId, slow).get("state")).isEqualTo("PENDING");
        // The slow one is given up on after the read timeout and retried, it does not hang.
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Api.deliveryTo(caseId, slow).get("lastError"))
                        .isEqualTo("No response in time"));
        receiver.delay(slow, 0);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(Api.deliveryTo(caseId, slow).get("state")).isIn("DELIVERED", "FAILED"));
    }
}
