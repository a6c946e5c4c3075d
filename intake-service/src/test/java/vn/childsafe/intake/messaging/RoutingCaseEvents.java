package vn.childsafe.intake.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.testsupport.KafkaTestClient;

/** Case events as routing-service puts them on {@code cases.events.v1}, for the tests of {@link CaseEventsConsumer}. */
public final class RoutingCaseEvents {

    private RoutingCaseEvents() {}

    /** Sends {@code payload} as an event of {@code type} about {@code caseId}, with routing's CloudEvents headers. */
    public static void publish(String kafka, UUID caseId, String type, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>("cases.events.v1", caseId.toString(), payload);
        CloudEventHeaders.of(
                        UUID.randomUUID().toString(),
                        type,
                        "/childsafe/routing-service",
                        Instant.now(),
                        caseId.toString())
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        new KafkaTestClient(kafka).send(record);
    }

    /** A case event, now, whose one current assignment is the lead {@code agencyCode}: what the projection reads. */
    public static String withLead(UUID caseId, String status, String reportId, String agencyCode, String agencyName) {
        return """
                {"caseId": "%s", "status": "%s", "reportIds": ["%s"], "occurredAt": "%s",
                 "assignments": [{"agencyCode": "%s", "agencyName": "%s", "role": "LEAD"}]}""".formatted(caseId, status, reportId, Instant.now(), agencyCode, agencyName);
    }
}
