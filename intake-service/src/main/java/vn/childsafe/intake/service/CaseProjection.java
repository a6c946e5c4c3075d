package vn.childsafe.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import vn.childsafe.commons.inbox.Inbox;
import vn.childsafe.intake.report.Report;
import vn.childsafe.intake.report.ReportAssignment;
import vn.childsafe.intake.report.ReportStatus;

/**
 * Keeps intake's view of each report's case up to date from {@code cases.events.v1}: the status and lead agency
 * the sender sees, and the agencies whose units may read the identity. Every case event carries the case's
 * {@code status}, {@code reportIds} and current {@code assignments}, so the latest event says it all.
 */
@ApplicationScoped
public class CaseProjection {

    static final String CONSUMER = "intake-service";
    private static final Logger LOG = Logger.getLogger(CaseProjection.class);

    @Inject
    Inbox inbox;

    @Inject
    Clock clock;

    /**
     * Applies one case event once.
     *
     * @return whether it changed anything (false for a redelivery)
     */
    @Retry(maxRetries = 6, delay = 200, jitter = 100, maxDuration = 30_000, abortOn = IllegalArgumentException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 5_000)
    public boolean apply(String eventId, String eventType, JsonNode event) {
        // The retry wraps a whole new transaction: a failed attempt leaves nothing behind.
        return QuarkusTransaction.requiringNew().call(() -> applyOnce(eventId, eventType, event));
    }

    private boolean applyOnce(String eventId, String eventType, JsonNode event) {
        if (!inbox.firstDelivery(CONSUMER, eventId, eventType)) {
            return false;
        }
        UUID caseId = uuid(event, "caseId");
        ReportStatus status = status(event.path("status").asText(null));
        Instant at = instant(event.path("occurredAt").asText(null));
        for (JsonNode id : event.path("reportIds")) {
            Report report = Report.findById(uuid(id.asText()));
            if (report == null) {
                LOG.warnf("Case event %s names report %s, which intake does not hold", eventId, id.asText());
                continue;
            }
            report.caseId = caseId;
            if (status != null) {
                report.status = status;
                report.statusChangedAt = at;
                report.resolvedAt = status == ReportStatus.RESOLVED ? at : null;
            }
            if (event.has("assignments")) {
                ReportAssignment.delete("reportId", report.id);
                for (JsonNode assignment : event.path("assignments")) {
                    ReportAssignment row = new ReportAssignment();
                    row.reportId = report.id;
                    row.agencyCode = assignment.path("agencyCode").asText();
                    row.role = assignment.path("role").asText();
                    row.persist();
                    if ("LEAD".equals(row.role)) {
                        report.leadAgencyCode = row.agencyCode;
                        report.leadAgencyName = assignment.path("agencyName").asText(null);
                    }
                }
            }
        }
        return true;
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
            throw new IllegalArgumentException("occurredAt is not an ISO instant");
        }
    }

    private static UUID uuid(JsonNode node, String field) {
        return uuid(node.path(field).asText(null));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a UUID: " + value);
        }
    }
}
