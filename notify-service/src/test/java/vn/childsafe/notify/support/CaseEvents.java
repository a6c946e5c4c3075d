package vn.childsafe.notify.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.events.CloudEventHeaders;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.testsupport.EventSchemas;

/** Builds case events as routing-service publishes them, checked against the schema before they are sent. */
public final class CaseEvents {

    public static final String SCHEMA = "case-routed.v1.schema.json";

    private CaseEvents() {}

    /** A routed case: {@code lead} leads, {@code supports} support, the liaison is alerted if asked. */
    public static CaseRouted routed(UUID caseId, String lead, List<String> supports, boolean liaisonRequired) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<CaseRouted.Assignment> assignments = new ArrayList<>();
        assignments.add(new CaseRouted.Assignment(
                UUID.randomUUID(),
                lead,
                "Công an tỉnh " + lead,
                "POLICE_PROVINCE",
                CaseRouted.Role.LEAD,
                now.plus(Duration.ofHours(1))));
        for (String support : supports) {
            assignments.add(new CaseRouted.Assignment(
                    UUID.randomUUID(),
                    support,
                    "Đơn vị phối hợp " + support,
                    "CHILD_PROTECTION_PROVINCE",
                    CaseRouted.Role.SUPPORT,
                    now.plus(Duration.ofHours(24))));
        }
        return new CaseRouted(
                caseId,
                "ROUTED",
                List.of(UUID.randomUUID()),
                now,
                Category.GROOMING,
                Urgency.HIGH,
                "01",
                "00004",
                "2026.1",
                "R2",
                assignments,
                liaisonRequired,
                false,
                List.of(),
                List.of());
    }

    public static final String CHANGE_SCHEMA = "case-event.v1.schema.json";

    /** A change of a routed case (kind) that asks for exactly {@code alerts}. */
    public static CaseEvent changed(
            UUID caseId, CaseEvent.Kind kind, String status, List<CaseEvent.Alert> alerts, List<String> takedownUrls) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<CaseEvent.Assignment> assignments = List.of(
                new CaseEvent.Assignment(
                        UUID.randomUUID(),
                        "CA-01",
                        "Công an thành phố Hà Nội",
                        "POLICE_PROVINCE",
                        CaseRouted.Role.LEAD,
                        now.plus(Duration.ofHours(1)),
                        "PENDING"),
                new CaseEvent.Assignment(
                        UUID.randomUUID(),
                        "TTTT-01",
                        "Sở Văn hoá và Thông tin Hà Nội",
                        "INFORMATION_PROVINCE",
                        CaseRouted.Role.SUPPORT,
                        now.plus(Duration.ofHours(24)),
                        "PENDING"));
        return new CaseEvent(
                caseId,
                kind,
                status,
                List.of(UUID.randomUUID()),
                now,
                Category.GROOMING,
                Urgency.HIGH,
                "01",
                "00004",
                assignments,
                alerts,
                takedownUrls,
                "Quá hạn tiếp nhận",
                false,
                "system");
    }

    /** A change record with a fresh event id, checked against case-event.v1. */
    public static ProducerRecord<String, String> changedRecord(ObjectMapper mapper, CaseEvent event) {
        try {
            String json = mapper.writeValueAsString(event);
            assertThat(EventSchemas.violations(CHANGE_SCHEMA, json))
                    .as("schema violations of the event sent")
                    .isEmpty();
            return record(
                    event.caseId().toString(),
                    UUID.randomUUID().toString(),
                    event.kind().eventType(),
                    json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A routed case that asks for the takedown of {@code urls}; {@code information} is an INFORMATION_PROVINCE unit. */
    public static CaseRouted routedWithTakedowns(UUID caseId, String lead, String information, List<String> urls) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<CaseRouted.Assignment> assignments = List.of(
                new CaseRouted.Assignment(
                        UUID.randomUUID(),
                        lead,
                        "Công an tỉnh " + lead,
                        "POLICE_PROVINCE",
                        CaseRouted.Role.LEAD,
                        now.plus(Duration.ofHours(1))),
                new CaseRouted.Assignment(
                        UUID.randomUUID(),
                        information,
                        "Sở Văn hoá và Thông tin " + information,
                        "INFORMATION_PROVINCE",
                        CaseRouted.Role.SUPPORT,
                        now.plus(Duration.ofHours(24))));
        return new CaseRouted(
                caseId,
                "ROUTED",
                List.of(UUID.randomUUID()),
                now,
                Category.CSAM,
                Urgency.HIGH,
                "01",
                null,
                "2026.1",
                "R2",
                assignments,
                false,
                true,
                urls,
                List.of());
    }

    /** The event as JSON; fails the test if it breaks the schema (the contract with routing-service). */
    public static String json(ObjectMapper mapper, CaseRouted event) {
        try {
            String json = mapper.writeValueAsString(event);
            assertThat(EventSchemas.violations(SCHEMA, json))
                    .as("schema violations of the event sent")
                    .isEmpty();
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CloudEvents binary-mode record on cases.events.v1, keyed by the case id. */
    public static ProducerRecord<String, String> record(String key, String eventId, String type, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(EventTypes.CASES_TOPIC, key, value);
        CloudEventHeaders.of(eventId, type, "/childsafe/routing-service", Instant.now(), key)
                .forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    /** A valid case.routed record with a fresh event id. */
    public static ProducerRecord<String, String> routedRecord(ObjectMapper mapper, CaseRouted event) {
        return record(
                event.caseId().toString(), UUID.randomUUID().toString(), EventTypes.CASE_ROUTED, json(mapper, event));
    }
}
