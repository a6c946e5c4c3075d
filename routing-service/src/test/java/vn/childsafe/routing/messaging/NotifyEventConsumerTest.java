package vn.childsafe.routing.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.childsafe.routing.messaging.EventRecords.DLQ;
import static vn.childsafe.routing.messaging.EventRecords.WAIT;
import static vn.childsafe.routing.messaging.EventRecords.header;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.NotifyEvent;
import vn.childsafe.routing.cases.CaseFixtures;
import vn.childsafe.testsupport.ChildSafeTestResources;
import vn.childsafe.testsupport.EventSchemas;
import vn.childsafe.testsupport.KafkaTestClient;

/** notify.events.v1 on a real broker: outcomes land on the case timeline once; poison goes to the DLQ. */
@QuarkusTest
@WithTestResource(value = ChildSafeTestResources.class, scope = TestResourceScope.GLOBAL)
class NotifyEventConsumerTest {

    @Inject
    CaseFixtures fixtures;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    KafkaTestClient kafka;

    @BeforeEach
    void setUp() {
        CaseFixtures.putAgency("TTTT-42", "INFORMATION_PROVINCE", "42", null, null);
    }

    @Test
    void outcomesBecomeTimelineEntriesOnceEach() throws Exception {
        UUID caseId = fixtures.route(
                Category.HARMFUL_CONTENT, Urgency.NORMAL, "42", null, false, List.of("https://video.example.com/v/1"));
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        NotifyEvent requested = NotifyEvent.takedownRequested(
                caseId,
                at,
                "Takedown requested from video.example.com",
                "VIDEO",
                UUID.randomUUID(),
                "https://video.example.com/v/1",
                at.plus(Duration.ofHours(24)));
        NotifyEvent failed = NotifyEvent.deliveryFailed(
                caseId,
                at.plusSeconds(1),
                "Webhook delivery failed after 8 attempts",
                "TTTT-42",
                UUID.randomUUID(),
                "WEBHOOK");
        String firstId = UUID.randomUUID().toString();
        ProducerRecord<String, String> first = record(
                caseId.toString(),
                json(requested),
                headers(firstId, requested.kind().eventType()));
        kafka.send(first);
        kafka.send(first); // redelivered: no second entry
        kafka.send(record(
                caseId.toString(),
                json(failed),
                headers(UUID.randomUUID().toString(), failed.kind().eventType())));

        await().atMost(WAIT)
                .until(() -> timeline(caseId).getList("timeline.kind").size() == 3);
        JsonPath c = timeline(caseId);
        assertThat(c.getList("timeline.kind", String.class))
                .containsExactly("ROUTED", "NOTIFY_TAKEDOWN_REQUESTED", "NOTIFY_DELIVERY_FAILED");
        assertThat(c.getString("timeline[1].actor")).isEqualTo("notify-service");
        assertThat(c.getString("timeline[1].detail"))
                .startsWith("Takedown requested from video.example.com")
                .contains("nền tảng VIDEO");
        assertThat(c.getString("timeline[2].detail")).contains("đơn vị TTTT-42", "kênh WEBHOOK");
        // Give the duplicate time to arrive, then check once more there is still exactly one entry for it.
        kafka.awaitConsumed("routing-service", EventTypes.NOTIFY_TOPIC, WAIT);
        assertThat(fixtures.count("SELECT count(*) FROM case_timeline WHERE source_event_id = ?", firstId))
                .isEqualTo(1);
    }

    @Test
    void unknownCasesWrongTypesAndGarbageGoToTheDeadLetterTopic() throws Exception {
        UUID unknownCase = UUID.randomUUID();
        NotifyEvent orphan =
                NotifyEvent.manualTaskCreated(unknownCase, Instant.now(), "Manual takedown task", null, null);
        kafka.send(record(
                unknownCase.toString(),
                json(orphan),
                headers(UUID.randomUUID().toString(), orphan.kind().eventType())));
        String wrongTypeKey = UUID.randomUUID().toString();
        kafka.send(record(
                wrongTypeKey,
                json(orphan),
                headers(UUID.randomUUID().toString(), NotifyEvent.Kind.TAKEDOWN_RESULT.eventType())));
        String garbageKey = UUID.randomUUID().toString();
        kafka.send(record(garbageKey, "{not json", headers(UUID.randomUUID().toString(), "x")));

        assertThat(header(kafka.awaitRecord(DLQ, unknownCase.toString(), WAIT), "dead-letter-reason"))
                .contains("no case " + unknownCase);
        assertThat(header(kafka.awaitRecord(DLQ, wrongTypeKey, WAIT), "dead-letter-reason"))
                .contains("does not match kind MANUAL_TASK_CREATED");
        assertThat(header(kafka.awaitRecord(DLQ, garbageKey, WAIT), "dead-letter-reason"))
                .contains("not a valid NotifyEvent");
    }

    private String json(NotifyEvent event) throws Exception {
        String json = objectMapper.writeValueAsString(event);
        assertThat(EventSchemas.violations("notify-event.v1.schema.json", json)).isEmpty();
        return json;
    }

    private static JsonPath timeline(UUID caseId) {
        return CaseFixtures.readCase(caseId);
    }

    private static ProducerRecord<String, String> record(String key, String value, List<Header> headers) {
        return new ProducerRecord<>(EventTypes.NOTIFY_TOPIC, null, key, value, headers);
    }

    private static List<Header> headers(String id, String type) {
        return EventRecords.headers(id, type, "/childsafe/notify-service", "x");
    }
}
