package vn.childsafe.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import vn.childsafe.commons.messaging.DeadLetters;
import vn.childsafe.commons.messaging.UnprocessableEventException;
import vn.childsafe.intake.report.Report;
import vn.childsafe.intake.report.ReportAssignment;
import vn.childsafe.intake.report.ReportAssignmentRepository;
import vn.childsafe.intake.report.ReportRepository;
import vn.childsafe.intake.report.ReportStatus;

/**
 * Keeps intake's view of each report's case up to date from {@code cases.events.v1}: the status and lead agency
 * the sender sees, and the agencies whose units may read the identity. Every case event carries the case's
 * {@code status}, {@code reportIds} and current {@code assignments}, so the latest event says it all.
 */
@ApplicationScoped
public class CaseProjection {

    /** Name of this consumer in the inbox table. */
    public static final String CONSUMER = "intake-service";

    private static final Logger LOG = Logger.getLogger(CaseProjection.class);

    @Inject
    Clock clock;

    @Inject
    ReportRepository reports;

    @Inject
    ReportAssignmentRepository assignments;

    /**
     * Applies one case event in the caller's transaction (the consumer's batch, which holds the inbox entry). An
     * event older than the last one applied to a report leaves that report as it is: a case whose urgency was
     * raised has its earlier events in the normal lane and its later ones in the urgent lane.
     *
     * @throws UnprocessableEventException if the event has no valid case id or time
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(String eventId, JsonNode event) {
        UUID caseId = uuid(event, "caseId");
        ReportStatus status = status(event.path("status").asText(null));
        Instant at = instant(event.path("occurredAt").asText(null));
        for (JsonNode id : event.path("reportIds")) {
            Report report = reports.findById(uuid(id.asText()));
            if (report == null) {
                LOG.warnf("Case event %s names report %s, which intake does not hold", eventId, id.asText());
                continue;
            }
            if (report.caseEventAt != null && at.isBefore(report.caseEventAt)) {
                LOG.debugf(
                        "Case event %s is older than the last one applied to report %s; skipped", eventId, report.id);
                continue;
            }
            report.caseEventAt = at;
            report.caseId = caseId;
            if (status != null) {
                report.status = status;
                report.statusChangedAt = at;
                report.resolvedAt = status == ReportStatus.RESOLVED ? at : null;
            }
            if (event.has("assignments")) {
                assignments.deleteByReport(report.id);
                for (JsonNode assignment : event.path("assignments")) {
                    ReportAssignment row = new ReportAssignment();
                    row.reportId = report.id;
                    row.agencyCode = assignment.path("agencyCode").asText();
                    row.role = assignment.path("role").asText();
                    assignments.persist(row);
                    if ("LEAD".equals(row.role)) {
                        report.leadAgencyCode = row.agencyCode;
                        report.leadAgencyName = assignment.path("agencyName").asText(null);
                    }
                }
            }
        }
    }

    private static ReportStatus status(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ReportStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            // Case statuses the sender need not see (e.g. a transfer in progress) leave the last one shown.
            return null;
        }
    }

    private Instant instant(String value) {
        try {
            return value == null ? Instant.now(clock) : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnprocessableEventException("occurredAt is not an ISO instant");
        }
    }

    private static UUID uuid(JsonNode node, String field) {
        return uuid(node.path(field).asText(null));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new UnprocessableEventException("not a UUID: " + DeadLetters.shorten(value));
        }
    }
}
