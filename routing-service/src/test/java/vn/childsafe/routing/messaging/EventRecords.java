package vn.childsafe.routing.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.testsupport.EventSchemas;

/** Kafka records as the other services publish them to routing, and what routing's consumers leave behind. */
public final class EventRecords {

    /** How long a test waits for a record. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    /** Routing's dead-letter topic. */
    public static final String DLQ = "routing-service.dlq";

    private EventRecords() {}

    /** CloudEvents headers of a record. */
    public static List<Header> headers(String id, String type, String source, String subject) {
        List<Header> headers = new ArrayList<>();
        CloudEventHeaders.of(id, type, source, Instant.now(), subject)
                .forEach((name, value) -> headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return headers;
    }

    /** The headers intake's relay puts on a report: a new event id, the report as subject. */
    public static List<Header> reportHeaders(UUID reportId) {
        return headers(
                UUID.randomUUID().toString(),
                EventTypes.REPORT_RECEIVED,
                "/childsafe/intake-service",
                reportId.toString());
    }

    /** The report as intake's relay writes it, checked against the report-received contract. */
    public static String reportJson(ObjectMapper objectMapper, ReportReceived report) throws JsonProcessingException {
        String json = objectMapper.writeValueAsString(report);
        assertThat(EventSchemas.violations("report-received.v1.schema.json", json))
                .isEmpty();
        return json;
    }

    /** A record on the reports topic; a null partition leaves the choice to the key. */
    public static ProducerRecord<String, String> reportRecord(
            Integer partition, String key, String json, List<Header> headers) {
        return new ProducerRecord<>(EventTypes.REPORTS_TOPIC, partition, key, json, headers);
    }

    /** The report as intake's relay publishes it: key = report id, CloudEvents headers. */
    public static ProducerRecord<String, String> report(
            ObjectMapper objectMapper, ReportReceived report, Integer partition) throws JsonProcessingException {
        return reportRecord(
                partition,
                report.reportId().toString(),
                reportJson(objectMapper, report),
                reportHeaders(report.reportId()));
    }

    /** A CloudEvents header of a record. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.read(record.headers(), name);
    }
}
