package vn.childsafe.notify.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.notify.support.AlertJson;
import vn.childsafe.notify.support.Api;
import vn.childsafe.notify.support.CaseEvents;
import vn.childsafe.notify.support.EndToEnd;
import vn.childsafe.notify.support.WebhookReceiver.Received;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.TestTokens;

/**
 * End to end on real infrastructure: case events on the real Kafka topic, deliveries in the real PostgreSQL,
 * signed webhooks to a real HTTP endpoint standing in for the units.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = vn.childsafe.notify.support.ChannelStubs.class, scope = TestResourceScope.GLOBAL)
class CaseAlertDeliveryTest extends EndToEnd {

    private static void assertSignedBy(String secret, Received request) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("content-type")).startsWith("application/json");
        assertThat(request.signedBy(secret)).as("signature of %s", request).isTrue();
    }

    private JsonNode json(String body) throws Exception {
        return mapper.readTree(body);
    }

    @Test
    void leadSupportsAndTheLiaisonEachReceiveOneSignedAlertWithoutPersonalData() throws Exception {
        String lead = newAgency("CA");
        String support = newAgency("BVTE");
        String leadSecret = registerWebhook(lead);
        String supportSecret = registerWebhook(support);
        String liaisonSecret = registerWebhook("HOTLINE_111");
        UUID caseId = UUID.randomUUID();
        CaseRouted event = CaseEvents.routed(caseId, lead, List.of(support), true);

        send(event);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(receiver.requestsFor(lead, caseId.toString())).hasSize(1);
            assertThat(receiver.requestsFor(support, caseId.toString())).hasSize(1);
            assertThat(receiver.requestsFor("HOTLINE_111", caseId.toString())).hasSize(1);
        });
        Received toLead = receiver.requestsFor(lead, caseId.toString()).get(0);
        Received toSupport = receiver.requestsFor(support, caseId.toString()).get(0);
        Received toLiaison =
                receiver.requestsFor("HOTLINE_111", caseId.toString()).get(0);
        assertSignedBy(leadSecret, toLead);
        assertSignedBy(supportSecret, toSupport);
        assertSignedBy(liaisonSecret, toLiaison);
        // Each unit's secret signs only its own alerts.
        assertThat(toLead.signedBy(supportSecret)).isFalse();

        JsonNode leadAlert = json(toLead.body());
        assertThat(leadAlert.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(AlertJson.FIELDS);
        assertThat(leadAlert.get("type").asText()).isEqualTo("case.routed");
        assertThat(leadAlert.get("caseId").asText()).isEqualTo(caseId.toString());
        assertThat(leadAlert.get("reportIds").get(0).asText())
                .isEqualTo(event.reportIds().get(0).toString());
        assertThat(leadAlert.get("agencyCode").asText()).isEqualTo(lead);
        assertThat(leadAlert.get("role").asText()).isEqualTo("LEAD");
        assertThat(leadAlert.get("assignmentId").asText())
                .isEqualTo(event.lead().assignmentId().toString());
        assertThat(Instant.parse(leadAlert.get("ackDeadline").asText()))
                .isEqualTo(event.lead().ackDeadline());
        assertThat(leadAlert.get("category").asText()).isEqualTo("GROOMING");
        assertThat(leadAlert.get("ruleId").asText()).isEqualTo("R2");
        assertThat(json(toSupport.body()).get("role").asText()).isEqualTo("SUPPORT");
        JsonNode liaisonAlert = json(toLiaison.body());
        assertThat(liaisonAlert.get("role").asText()).isEqualTo("LIAISON");
        assertThat(liaisonAlert.get("agencyCode").asText()).isEqualTo("HOTLINE_111");
        assertThat(liaisonAlert.fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(AlertJson.FIELDS);

        // Three distinct deliveries, visible to ops, all delivered at the first attempt.
        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> deliveries = Api.deliveriesOf(caseId);
            assertThat(deliveries)
                    .extracting(d -> d.get("agencyCode"))
                    .containsExactlyInAnyOrder(lead, support, "HOTLINE_111");
            assertThat(deliveries).allSatisfy(d -> {
                assertThat(d.get("state")).isEqualTo("DELIVERED");
                assertThat(d.get("channel")).isEqualTo("WEBHOOK");
                assertThat(d.get("attempts")).isEqualTo(1);
                assertThat(d.get("lastStatusCode")).isEqualTo(200);
            });
        });
        Map<String, Object> leadDelivery = Api.deliveryTo(caseId, lead);
        assertThat(leadDelivery.get("webhookId")).isEqualTo(toLead.header("webhook-id"));
        assertThat(leadDelivery.get("role")).isEqualTo("LEAD");
        assertThat(Api.deliveryTo(caseId, "HOTLINE_111").get("role")).isEqualTo("LIAISON");
    }

    @Test
    void aUnitEndpointThatIsDownForAWhileGetsTheAlertOnceBackWithTheSameWebhookId() {
        String lead = newAgency("CA");
        String secret = registerWebhook(lead);
        receiver.failNext(lead, 3, 503);
        UUID caseId = UUID.randomUUID();

        route(caseId, lead, List.of());

        awaitState(caseId, lead, "DELIVERED");
        List<Received> requests = receiver.requestsFor(lead, caseId.toString());
        assertThat(requests).extracting(Received::answeredWith).containsExactly(503, 503, 503, 200);
        assertThat(requests)
                .extracting(r -> r.header("webhook-id"))
                .containsOnly(requests.get(0).header("webhook-id"));
        assertThat(requests)
                .extracting(Received::body)
                .containsOnly(requests.get(0).body());
        requests.forEach(r -> assertSignedBy(secret, r));
        // Backoff: each retry waited at least the jittered share of its nominal wait (100, 200, 400 ms in %test).
        assertThat(Duration.between(
                        requests.get(0).receivedAt(), requests.get(3).receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(560));
        Map<String, Object> delivery = Api.deliveryTo(caseId, lead);
        assertThat(delivery.get("attempts")).isEqualTo(4);
        assertThat(delivery.get("lastStatusCode")).isEqualTo(200);
        assertThat(delivery.get("webhookId")).isEqualTo(requests.get(0).header("webhook-id"));
    }

    @Test
    void aDeliveryFailingEveryAttemptEndsFailedAndOpsCanSendItAgain() {
        String lead = newAgency("CA");
        String secret = registerWebhook(lead);
        receiver.failNext(lead, 1_000, 500);
        UUID caseId = UUID.randomUUID();

        route(caseId, lead, List.of());

        // max-attempts is 5 in %test.
        awaitState(caseId, lead, "FAILED");
        Map<String, Object> failed = Api.deliveryTo(caseId, lead);
        assertThat(failed.get("attempts")).isEqualTo(5);
        assertThat(failed.get("lastStatusCode")).isEqualTo(500);
        assertThat(failed.get("lastError")).isEqualTo("HTTP 500");
        assertThat(failed.get("nextAttemptAt")).isNull();
        assertThat(receiver.requestsFor(lead, caseId.toString())).hasSize(5);

        receiver.failNext(lead, 0, 500);
        given().auth()
                .oauth2(TestTokens.ops())
                .post("/api/v1/deliveries/{id}/retry", failed.get("id"))
                .then()
                .statusCode(200)
                .body("state", equalTo("PENDING"))
                .body("attempts", equalTo(0));

        awaitState(caseId, lead, "DELIVERED");
        List<Received> requests = receiver.requestsFor(lead, caseId.toString());
        assertThat(requests).hasSize(6);
        assertThat(requests.get(5).answeredWith()).isEqualTo(200);
        assertThat(requests).extracting(r -> r.header("webhook-id")).containsOnly((String) failed.get("webhookId"));
        assertSignedBy(secret, requests.get(5));

        given().auth()
                .oauth2(TestTokens.admin())
                .post("/api/v1/deliveries/{id}/retry", failed.get("id"))
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aRedeliveredRecordCreatesNoSecondDeliveryAndNoSecondPost() {
        String lead = newAgency("CA");
        String marker = newAgency("CA");
        registerWebhook(lead);
        registerWebhook(marker);
        UUID caseId = UUID.randomUUID();
        route(caseId, lead, List.of());
        awaitState(caseId, lead, "DELIVERED");
        ConsumerRecord<String, String> original =
                kafka().readUntil(EventTypes.CASES_TOPIC, r -> caseId.toString().equals(r.key()), WAIT).stream()
                        .filter(r -> caseId.toString().equals(r.key()))
                        .findFirst()
                        .orElseThrow();

        kafka().resend(original);
        // A later event of the same case (same key, same partition) is handled only after the resent record,
        // so once it arrived the duplicate has been consumed too.
        route(caseId, marker, List.of());

        awaitReceived(marker, caseId, 1);
        assertThat(receiver.requestsFor(lead, caseId.toString())).hasSize(1);
        assertThat(Api.deliveriesOf(caseId))
                .extracting(d -> d.get("agencyCode"))
                .containsExactlyInAnyOrder(lead, marker);
    }

    @Test
    void eventTypesOutsideTheCaseEventsAreIgnored() {
        String ignored = newAgency("CA");
        String marker = newAgency("CA");
        registerWebhook(ignored);
        registerWebhook(marker);
        UUID caseId = UUID.randomUUID();
        String body = CaseEvents.json(mapper, CaseEvents.routed(caseId, ignored, List.of(), false));

        kafka().send(CaseEvents.record(
                caseId.toString(), UUID.randomUUID().toString(), "vn.childsafe.report.received.v1", body));
        route(caseId, marker, List.of());

        awaitReceived(marker, caseId, 1);
        assertThat(receiver.requestsFor(ignored)).isEmpty();
        assertThat(Api.deliveriesOf(caseId))
                .extracting(d -> d.get("agencyCode"))
                .containsExactly(marker);
    }

    @Test
    void aTargetWithoutContactPointGetsAVisibleNoContactPointDeliveryThatOpsCanSendLater() {
        String lead = newAgency("CA");
        String unreachable = newAgency("UBND");
        registerWebhook(lead);
        UUID caseId = UUID.randomUUID();

        route(caseId, lead, List.of(unreachable));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Api.deliveryTo(caseId, lead).get("state")).isEqualTo("DELIVERED");
            Map<String, Object> gap = Api.deliveryTo(caseId, unreachable);
            assertThat(gap.get("state")).isEqualTo("NO_CONTACT_POINT");
            assertThat(gap.get("channel")).isEqualTo("NONE");
            assertThat(gap.get("role")).isEqualTo("SUPPORT");
            assertThat(gap.get("attempts")).isEqualTo(0);
        });
        Object gapId = Api.deliveryTo(caseId, unreachable).get("id");

        // Still nowhere to send it: ops are told so and nothing changes.
        given().auth()
                .oauth2(TestTokens.ops())
                .post("/api/v1/deliveries/{id}/retry", gapId)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        String secret = registerWebhook(unreachable);
        given().auth()
                .oauth2(TestTokens.ops())
                .post("/api/v1/deliveries/{id}/retry", gapId)
                .then()
                .statusCode(200)
                .body("state", equalTo("PENDING"))
                .body("channel", equalTo("WEBHOOK"));

        awaitReceived(unreachable, caseId, 1);
        Received request = receiver.requestsFor(unreachable, caseId.toString()).get(0);
        assertSignedBy(secret, request);
        assertThat(request.body()).contains("\"role\":\"SUPPORT\"");
        awaitState(caseId, unreachable, "DELIVERED");
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicWithoutBlockingTheOthers() {
        String lead = newAgency("CA");
        registerWebhook(lead);
        String notJsonKey = "malformed-" + UUID.randomUUID();
        String noLeadKey = "no-lead-" + UUID.randomUUID();
        String noHeaderKey = "no-header-" + UUID.randomUUID();

        String notJson = "{\"caseId\": \"Nguyễn Văn A, 0912345678";
        kafka().send(CaseEvents.record(notJsonKey, UUID.randomUUID().toString(), EventTypes.CASE_ROUTED, notJson));
        kafka().send(CaseEvents.record(
                noLeadKey,
                UUID.randomUUID().toString(),
                EventTypes.CASE_ROUTED,
                "{\"caseId\":\"" + UUID.randomUUID() + "\",\"reportIds\":[\"" + UUID.randomUUID()
                        + "\"],\"assignments\":[]}"));
        kafka().send(new ProducerRecord<>(EventTypes.CASES_TOPIC, noHeaderKey, "{}"));
        UUID caseId = UUID.randomUUID();
        route(caseId, lead, List.of());

        awaitReceived(lead, caseId, 1);
        for (String key : List.of(notJsonKey, noLeadKey, noHeaderKey)) {
            ConsumerRecord<String, String> dead = kafka().awaitRecord("notify-service.dlq", key, WAIT);
            String reason = CloudEventHeaders.read(dead.headers(), "dead-letter-reason");
            assertThat(reason).as("reason for %s", key).isNotBlank();
            // The reason never quotes the record, which may hold anything.
            assertThat(reason).doesNotContain("Nguyễn", "0912345678");
        }
        String reasonNoLead = CloudEventHeaders.read(
                kafka().awaitRecord("notify-service.dlq", noLeadKey, WAIT).headers(), "dead-letter-reason");
        assertThat(reasonNoLead).contains("assignments");
        // The dead letter keeps the record as it was, for inspection and replay.
        assertThat(kafka().awaitRecord("notify-service.dlq", notJsonKey, WAIT).value())
                .isEqualTo(notJson);
    }
}
