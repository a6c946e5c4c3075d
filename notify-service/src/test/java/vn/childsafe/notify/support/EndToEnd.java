package vn.childsafe.notify.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.signing.WebhookSignature;
import vn.childsafe.testsupport.KafkaTestClient;

/**
 * What notify's end-to-end tests share: a webhook receiver standing in for the units and platforms (started once per
 * test class), the test infrastructure's Kafka to publish case events on, and how long to wait for what the service
 * sends.
 */
public abstract class EndToEnd {

    protected static final Duration WAIT = Duration.ofSeconds(30);

    protected static WebhookReceiver receiver;

    @Inject
    protected ObjectMapper mapper;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String bootstrapServers;

    @BeforeAll
    static void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    /** A fresh agency code such as {@code CA-1A2B3C4D}, so that tests sharing the database never meet. */
    protected static String newAgency(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Registers a webhook for the agency at the test receiver and returns its secret. */
    protected static String registerWebhook(String agencyCode) {
        String secret = WebhookSignature.newSecret();
        Api.putWebhook(agencyCode, receiver.urlFor(agencyCode), secret);
        return secret;
    }

    protected KafkaTestClient kafka() {
        return new KafkaTestClient(bootstrapServers);
    }

    /** Publishes {@code event} with a fresh event id; returns the record sent. */
    protected ProducerRecord<String, String> send(CaseRouted event) {
        ProducerRecord<String, String> record = CaseEvents.routedRecord(mapper, event);
        kafka().send(record);
        return record;
    }

    /** Publishes a case routed to {@code lead} and {@code supports}, without the liaison. */
    protected void route(UUID caseId, String lead, List<String> supports) {
        send(CaseEvents.routed(caseId, lead, supports, false));
    }

    /** Publishes a change of the case, of {@code kind}, that asks for exactly {@code alerts}. */
    protected void sendChange(UUID caseId, CaseEvent.Kind kind, String status, CaseEvent.Alert... alerts) {
        kafka().send(CaseEvents.changedRecord(
                mapper, CaseEvents.changed(caseId, kind, status, List.of(alerts), List.of())));
    }

    /** Waits until the one delivery of the case to {@code agencyCode} is in {@code state}. */
    protected static void awaitState(UUID caseId, String agencyCode, String state) {
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(Api.deliveryTo(caseId, agencyCode).get("state"))
                                .isEqualTo(state));
    }

    /** Waits until {@code agencyCode} received {@code count} requests about the case. */
    protected static void awaitReceived(String agencyCode, UUID caseId, int count) {
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(receiver.requestsFor(agencyCode, caseId.toString()))
                        .hasSize(count));
    }
}
