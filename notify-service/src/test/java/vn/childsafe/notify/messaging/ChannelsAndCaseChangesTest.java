package vn.childsafe.notify.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.signing.WebhookSignature;
import vn.childsafe.notify.support.Api;
import vn.childsafe.notify.support.CaseEvents;
import vn.childsafe.notify.support.ChannelStubs;
import vn.childsafe.notify.support.EndToEnd;
import vn.childsafe.notify.support.Mailboxes;
import vn.childsafe.notify.support.WebhookReceiver;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.EventSchemas;
import vn.childsafe.testsupport.TestTokens;

/**
 * Case changes after routing, delivered on every channel: signed webhooks to a real HTTP receiver, e-mail over real
 * SMTP (GreenMail, read back over IMAP) and SMS through a real HTTP gateway stub; final failures become
 * DELIVERY_FAILED events on notify.events.v1.
 */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ChannelStubs.class, scope = TestResourceScope.GLOBAL)
class ChannelsAndCaseChangesTest extends EndToEnd {

    @ConfigProperty(name = ChannelStubs.IMAP_PORT)
    int imapPort;

    @ConfigProperty(name = ChannelStubs.SMS_STUB)
    String smsStub;

    private static String newNumber(String prefix) {
        return prefix + String.format("%07d", (long) (Math.random() * 10_000_000L));
    }

    /** What the SMS gateway stub accepted, as JSON objects. */
    private List<JsonNode> smsSent() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(smsStub + "/sent"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        List<JsonNode> result = new ArrayList<>();
        mapper.readTree(response.body()).forEach(result::add);
        return result;
    }

    private List<JsonNode> smsTo(String number) throws Exception {
        return smsSent().stream()
                .filter(n -> number.equals(n.get("to").asText()))
                .toList();
    }

    @Test
    void anEscalationReachesEveryChannelOfEveryAlertedUnitAndTheLiaison() throws Exception {
        String upper = newAgency("CA");
        String upperSecret = WebhookSignature.newSecret();
        String upperMail = upper.toLowerCase() + "@congan.gov.vn";
        String upperSms = newNumber("+8491");
        String liaisonMail = "tongdai111-" + UUID.randomUUID().toString().substring(0, 6) + "@molisa.gov.vn";
        String liaisonSms = newNumber("+8490");
        String liaisonSecret = WebhookSignature.newSecret();
        Api.putContactPoint(upper, receiver.urlFor(upper), upperSecret, List.of(upperMail), List.of(upperSms));
        Api.putContactPoint(
                "HOTLINE_111",
                receiver.urlFor("HOTLINE_111"),
                liaisonSecret,
                List.of(liaisonMail),
                List.of(liaisonSms));
        UUID caseId = UUID.randomUUID();
        UUID assignmentId = UUID.randomUUID();
        Instant deadline = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

        sendChange(
                caseId,
                CaseEvent.Kind.ESCALATED,
                "ESCALATED",
                new CaseEvent.Alert(upper, CaseEvent.AlertRole.ESCALATION, assignmentId, deadline),
                CaseEvents.alert("HOTLINE_111", CaseEvent.AlertRole.LIAISON));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Api.deliveriesOf(caseId))
                    .hasSize(6)
                    .allSatisfy(d -> assertThat(d.get("state")).as("%s", d).isEqualTo("DELIVERED"));
            assertThat(receiver.requestsFor(upper, caseId.toString())).hasSize(1);
            assertThat(receiver.requestsFor("HOTLINE_111", caseId.toString())).hasSize(1);
            assertThat(Mailboxes.inbox(imapPort, upperMail)).hasSize(1);
            assertThat(Mailboxes.inbox(imapPort, liaisonMail)).hasSize(1);
            assertThat(smsTo(upperSms)).hasSize(1);
            assertThat(smsTo(liaisonSms)).hasSize(1);
        });
        assertThat(Api.deliveriesOf(caseId))
                .extracting(d -> d.get("agencyCode") + "/" + d.get("channel") + "/" + d.get("address"))
                .containsExactlyInAnyOrder(
                        upper + "/WEBHOOK/",
                        upper + "/EMAIL/" + upperMail,
                        upper + "/SMS/" + upperSms,
                        "HOTLINE_111/WEBHOOK/",
                        "HOTLINE_111/EMAIL/" + liaisonMail,
                        "HOTLINE_111/SMS/" + liaisonSms);

        // Webhook: signed, type case.escalated, the escalation role and its deadline, nothing personal.
        WebhookReceiver.Received hook =
                receiver.requestsFor(upper, caseId.toString()).get(0);
        assertThat(hook.signedBy(upperSecret)).isTrue();
        JsonNode alert = mapper.readTree(hook.body());
        assertThat(alert.get("type").asText()).isEqualTo("case.escalated");
        assertThat(alert.get("role").asText()).isEqualTo("ESCALATION");
        assertThat(alert.get("assignmentId").asText()).isEqualTo(assignmentId.toString());
        assertThat(Instant.parse(alert.get("ackDeadline").asText())).isEqualTo(deadline);
        assertThat(hook.body()).doesNotContain("Quá hạn tiếp nhận"); // the free-text detail stays out
        JsonNode liaisonAlert = mapper.readTree(
                receiver.requestsFor("HOTLINE_111", caseId.toString()).get(0).body());
        assertThat(liaisonAlert.get("role").asText()).isEqualTo("LIAISON");

        // E-mail: Vietnamese subject and text, a link to the case, the stable message id.
        Mailboxes.Mail mail = Mailboxes.inbox(imapPort, upperMail).get(0);
        assertThat(mail.subject())
                .contains("quá hạn tiếp nhận")
                .contains("KHẨN")
                .contains(caseId.toString().substring(0, 8));
        assertThat(mail.body())
                .contains("Kính gửi " + upper)
                .contains("cơ quan cấp trên")
                .contains("dụ dỗ trẻ em qua mạng")
                .contains("https://childsafe.test/cases/" + caseId)
                .contains("không chứa thông tin cá nhân");
        String emailDeliveryWebhookId = Api.deliveriesOf(caseId).stream()
                .filter(d -> upperMail.equals(d.get("address")))
                .findFirst()
                .orElseThrow()
                .get("webhookId")
                .toString();
        assertThat(mail.messageIdHeader()).isEqualTo(emailDeliveryWebhookId);
        assertThat(mail.from()).contains("childsafe");

        // SMS: through the gateway with its API key (the stub answers 401 otherwise), short text with the link.
        JsonNode sms = smsTo(upperSms).get(0);
        assertThat(sms.get("text").asText())
                .startsWith("ChildSafe: Vụ việc quá hạn tiếp nhận")
                .contains("https://childsafe.test/cases/" + caseId);
        assertThat(sms.get("reference").asText()).startsWith("msg_");
    }

    @Test
    void aRedeliveredCaseEventSendsNothingTwiceOnAnyChannel() throws Exception {
        String unit = newAgency("GD");
        String mail = unit.toLowerCase() + "@sogd.gov.vn";
        String number = newNumber("+8498");
        Api.putContactPoint(unit, receiver.urlFor(unit), WebhookSignature.newSecret(), List.of(mail), List.of(number));
        UUID caseId = UUID.randomUUID();
        ProducerRecord<String, String> record = CaseEvents.changedRecord(
                mapper,
                CaseEvents.changed(
                        caseId,
                        CaseEvent.Kind.TRANSFERRED,
                        "ROUTED",
                        List.of(new CaseEvent.Alert(
                                unit,
                                CaseEvent.AlertRole.LEAD,
                                UUID.randomUUID(),
                                Instant.now().plus(Duration.ofHours(24)))),
                        List.of()));
        kafka().send(record);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Mailboxes.inbox(imapPort, mail)).hasSize(1);
            assertThat(smsTo(number)).hasSize(1);
            assertThat(receiver.requestsFor(unit, caseId.toString())).hasSize(1);
        });

        kafka().send(record); // same ce_id: a redelivery
        kafka().awaitConsumed("notify-service", EventTypes.CASES_TOPIC, WAIT);

        assertThat(Api.deliveriesOf(caseId)).hasSize(3);
        assertThat(Mailboxes.inbox(imapPort, mail)).hasSize(1);
        assertThat(smsTo(number)).hasSize(1);
        assertThat(receiver.requestsFor(unit, caseId.toString())).hasSize(1);
        assertThat(mapper.readTree(receiver.requestsFor(unit, caseId.toString())
                                .get(0)
                                .body())
                        .get("type")
                        .asText())
                .isEqualTo("case.transferred");
    }

    @Test
    void aChannelThatFailsEveryAttemptEndsFailedWithADeliveryFailedEventWhileTheOtherChannelsDeliver()
            throws Exception {
        String unit = newAgency("UBND");
        String broken = newNumber(ChannelStubs.FAILING_PREFIX);
        Api.putContactPoint(unit, receiver.urlFor(unit), WebhookSignature.newSecret(), List.of(), List.of(broken));
        UUID caseId = UUID.randomUUID();
        sendChange(caseId, CaseEvent.Kind.REPORT_LINKED, "ROUTED", CaseEvents.alert(unit, CaseEvent.AlertRole.SUPPORT));

        await().atMost(WAIT).untilAsserted(() -> {
            List<Map<String, Object>> deliveries = Api.deliveriesOf(caseId);
            assertThat(deliveries)
                    .extracting(d -> d.get("channel") + "=" + d.get("state"))
                    .containsExactlyInAnyOrder("WEBHOOK=DELIVERED", "SMS=FAILED");
        });
        Map<String, Object> failed = Api.deliveriesOf(caseId).stream()
                .filter(d -> "SMS".equals(d.get("channel")))
                .findFirst()
                .orElseThrow();
        assertThat(failed.get("attempts")).isEqualTo(5);
        assertThat(failed.get("lastStatusCode")).isEqualTo(503);

        ConsumerRecord<String, String> event = kafka().awaitRecord(EventTypes.NOTIFY_TOPIC, caseId.toString(), WAIT);
        assertThat(EventSchemas.violations("notify-event.v1.schema.json", event.value()))
                .isEmpty();
        assertThat(CloudEventHeaders.read(event.headers(), CloudEventHeaders.TYPE))
                .isEqualTo("vn.childsafe.notify.delivery-failed.v1");
        JsonNode body = mapper.readTree(event.value());
        assertThat(body.get("kind").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(body.get("deliveryId").asText()).isEqualTo(failed.get("id"));
        assertThat(body.get("channel").asText()).isEqualTo("SMS");
        assertThat(body.get("agencyCode").asText()).isEqualTo(unit);
        assertThat(body.get("summary").asText()).contains("5 lần thử").contains("HTTP 503");
    }

    @Test
    void anAlertToAnAgencyWithoutContactPointIsKeptAndPutOnTheTimeline() throws Exception {
        String nobody = newAgency("XA");
        UUID caseId = UUID.randomUUID();
        sendChange(
                caseId,
                CaseEvent.Kind.ESCALATED,
                "ESCALATED",
                CaseEvents.alert(nobody, CaseEvent.AlertRole.ESCALATION));

        ConsumerRecord<String, String> event = kafka().awaitRecord(EventTypes.NOTIFY_TOPIC, caseId.toString(), WAIT);
        assertThat(EventSchemas.violations("notify-event.v1.schema.json", event.value()))
                .isEmpty();
        JsonNode body = mapper.readTree(event.value());
        assertThat(body.get("kind").asText()).isEqualTo("DELIVERY_FAILED");
        assertThat(body.get("agencyCode").asText()).isEqualTo(nobody);
        assertThat(body.get("channel").isNull()).isTrue();
        assertThat(Api.deliveryTo(caseId, nobody).get("state")).isEqualTo("NO_CONTACT_POINT");
    }

    @Test
    void aCaseEventWhoseKindContradictsItsTypeGoesToTheDeadLetterTopic() throws Exception {
        UUID caseId = UUID.randomUUID();
        CaseEvent event = CaseEvents.changed(caseId, CaseEvent.Kind.RESOLVED, "RESOLVED", List.of(), List.of());
        ProducerRecord<String, String> valid = CaseEvents.changedRecord(mapper, event);
        kafka().send(CaseEvents.record(
                caseId.toString(), UUID.randomUUID().toString(), "vn.childsafe.case.escalated.v1", valid.value()));

        ConsumerRecord<String, String> dead = kafka().awaitRecord("notify-service.dlq", caseId.toString(), WAIT);
        assertThat(dead.value()).isEqualTo(valid.value());
        assertThat(Api.deliveriesOf(caseId)).isEmpty();
    }

    @Test
    void anAlertKeptForAnAgencyWithoutContactPointGoesToEveryChannelOnceOpsRetryIt() throws Exception {
        String unit = newAgency("UBND");
        String mail = unit.toLowerCase() + "@ubnd.gov.vn";
        String number = newNumber("+8497");
        UUID caseId = UUID.randomUUID();
        sendChange(caseId, CaseEvent.Kind.REROUTED, "ROUTED", CaseEvents.alert(unit, CaseEvent.AlertRole.SUPPORT));
        awaitState(caseId, unit, "NO_CONTACT_POINT");
        String id = Api.deliveryTo(caseId, unit).get("id").toString();

        Api.putContactPoint(unit, null, null, List.of(mail), List.of(number));
        given().auth()
                .oauth2(TestTokens.ops())
                .post("/api/v1/deliveries/{id}/retry", id)
                .then()
                .statusCode(200);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Api.deliveriesOf(caseId))
                    .extracting(d -> d.get("channel") + "=" + d.get("state"))
                    .containsExactlyInAnyOrder("EMAIL=DELIVERED", "SMS=DELIVERED");
            assertThat(Mailboxes.inbox(imapPort, mail)).hasSize(1);
            assertThat(smsTo(number)).hasSize(1);
        });
    }
}
