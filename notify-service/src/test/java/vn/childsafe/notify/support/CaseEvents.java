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
        assignments.add(lead(lead, now));
        for (String support : supports) {
            assignments.add(support(support, "Đơn vị phối hợp " + support, "CHILD_PROTECTION_PROVINCE", now));
        }
        return routed(
                caseId, UUID.randomUUID(), now, Category.GROOMING, "00004", assignments, liaisonRequired, List.of());
    }

    /**
     * A routed case in the province {@code 01} of urgency HIGH, routed by rule {@code R2} of rule set {@code 2026.1},
     * that asks for the takedown of {@code takedownUrls} if there are any.
     */
    public static CaseRouted routed(
            UUID caseId,
            UUID reportId,
            Instant occurredAt,
            Category category,
            String communeCode,
            List<CaseRouted.Assignment> assignments,
            boolean liaisonRequired,
            List<String> takedownUrls) {
        return new CaseRouted(
                caseId,
                "ROUTED",
                List.of(reportId),
                occurredAt,
                category,
                Urgency.HIGH,
                "01",
                communeCode,
                "2026.1",
                "R2",
                assignments,
                liaisonRequired,
                !takedownUrls.isEmpty(),
                takedownUrls,
                List.of());
    }

    private static CaseRouted.Assignment lead(String agencyCode, Instant now) {
        return new CaseRouted.Assignment(
                UUID.randomUUID(),
                agencyCode,
                "Công an tỉnh " + agencyCode,
                "POLICE_PROVINCE",
                CaseRouted.Role.LEAD,
                now.plus(Duration.ofHours(1)));
    }

    private static CaseRouted.Assignment support(String agencyCode, String name, String agencyType, Instant now) {
        return new CaseRouted.Assignment(
                UUID.randomUUID(),
                agencyCode,
                name,
                agencyType,
                CaseRouted.Role.SUPPORT,
                now.plus(Duration.ofHours(24)));
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

    /** An alert of {@code role} without an assignment to acknowledge (the liaison, a unit told for information). */
    public static CaseEvent.Alert alert(String agencyCode, CaseEvent.AlertRole role) {
        return new CaseEvent.Alert(agencyCode, role, null, null);
    }

    /** A change record with a fresh event id, checked against case-event.v1. */
    public static ProducerRecord<String, String> changedRecord(ObjectMapper mapper, CaseEvent event) {
        return record(
                event.caseId().toString(),
                UUID.randomUUID().toString(),
                event.kind().eventType(),
                checkedJson(mapper, CHANGE_SCHEMA, event));
    }

    /** A routed case that asks for the takedown of {@code urls}; {@code information} is an INFORMATION_PROVINCE unit. */
    public static CaseRouted routedWithTakedowns(UUID caseId, String lead, String information, List<String> urls) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<CaseRouted.Assignment> assignments = List.of(
                lead(lead, now),
                support(information, "Sở Văn hoá và Thông tin " + information, "INFORMATION_PROVINCE", now));
        return routed(caseId, UUID.randomUUID(), now, Category.CSAM, null, assignments, false, urls);
    }

    /** The event as JSON; fails the test if it breaks the schema (the contract with routing-service). */
    public static String json(ObjectMapper mapper, CaseRouted event) {
        return checkedJson(mapper, SCHEMA, event);
    }

    private static String checkedJson(ObjectMapper mapper, String schema, Object event) {
        try {
            String json = mapper.writeValueAsString(event);
            assertThat(EventSchemas.violations(schema, json))
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
