package vn.childsafe.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.scheduler.Scheduled;
import vn.childsafe.commons.crypto.EncryptedColumn;
import vn.childsafe.commons.crypto.FieldCipher;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.intake.config.IntakeConfig;
import vn.childsafe.intake.report.AccessLogEntry;
import vn.childsafe.intake.report.AccessLogRepository;
import vn.childsafe.intake.report.Report;
import vn.childsafe.intake.report.ReportAssignmentRepository;
import vn.childsafe.intake.report.ReportDetails;
import vn.childsafe.intake.report.ReportRepository;
import vn.childsafe.intake.report.ReportSubmission;

/**
 * The identity vault: shows a report's identity and description only to units of agencies assigned to its case
 * and to admins, records every attempt in the access log, and erases identity once a case has been resolved
 * for the configured period.
 */
@ApplicationScoped
public class IdentityVault {

    private static final Logger LOG = Logger.getLogger(IdentityVault.class);

    @Inject
    FieldCipher cipher;

    @Inject
    ReportRepository reports;

    @Inject
    ReportAssignmentRepository assignments;

    @Inject
    AccessLogRepository accessEntries;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Clock clock;

    @Inject
    IntakeConfig config;

    /** Who is asking. */
    public record Reader(String subject, boolean admin, String agencyCode) {}

    /**
     * The full report for {@code reader}, or 404 when they may not see it (the attempt is logged either way).
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public ReportDetails read(UUID reportId, Reader reader) {
        Report report = reports.findById(reportId);
        if (report == null) {
            throw notFound(reportId);
        }
        boolean granted =
                reader.admin() || reader.agencyCode() != null && assignments.isAssigned(reportId, reader.agencyCode());
        log(report.id, reader, granted);
        if (!granted) {
            throw notFound(reportId);
        }
        return toDetails(report, reader.admin() || !report.reporterAnonymous);
    }

    /** Every access to one report's identity, oldest first. */
    @Transactional
    public List<AccessLogEntry> accessLog(UUID reportId) {
        return accessEntries.forReport(reportId);
    }

    /**
     * Erases identity and description of reports whose case was resolved longer ago than the configured period.
     * Category, urgency, location codes, age, gender and channel stay for statistics.
     *
     * @return how many reports were purged
     */
    @Transactional
    public int purgeResolved() {
        Instant now = Instant.now(clock);
        int purged = reports.purgeIdentity(now, now.minus(config.purgeIdentityAfter()));
        if (purged > 0) {
            LOG.infof(
                    "Erased the identity of %d reports resolved more than %s ago", purged, config.purgeIdentityAfter());
        }
        return purged;
    }

    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        purgeResolved();
    }

    private void log(UUID reportId, Reader reader, boolean granted) {
        AccessLogEntry entry = new AccessLogEntry();
        entry.id = UUID.randomUUID();
        entry.reportId = reportId;
        entry.actor = reader.subject();
        entry.actorRole = reader.admin() ? "admin" : "unit";
        entry.agencyCode = reader.agencyCode();
        entry.outcome = granted ? AccessLogEntry.Outcome.GRANTED : AccessLogEntry.Outcome.DENIED;
        entry.accessedAt = Instant.now(clock);
        accessEntries.persist(entry);
    }

    private ReportDetails toDetails(Report r, boolean showReporter) {
        return new ReportDetails(
                r.id,
                r.trackingCode,
                r.status,
                r.receivedAt,
                r.caseId,
                r.leadAgencyCode,
                new ReportSubmission.Source(r.sourceChannel, r.sourceReference),
                r.category,
                r.urgency,
                r.occurredAt,
                decrypt(r, Report.DESCRIPTION, r.descriptionEnc),
                new ReportSubmission.Location(
                        r.provinceCode,
                        r.communeCode,
                        r.districtCode,
                        r.wardCode,
                        decrypt(r, Report.ADDRESS, r.addressEnc)),
                r.victimGiven
                        ? new ReportSubmission.Victim(
                                r.victimAgeYears,
                                r.victimGender,
                                decrypt(r, Report.VICTIM_NAME, r.victimNameEnc),
                                decrypt(r, Report.VICTIM_SCHOOL, r.victimSchoolEnc))
                        : null,
                new ReportSubmission.Reporter(
                        r.reporterAnonymous,
                        showReporter ? decrypt(r, Report.REPORTER_NAME, r.reporterNameEnc) : null,
                        showReporter ? decrypt(r, Report.REPORTER_PHONE, r.reporterPhoneEnc) : null,
                        showReporter ? decrypt(r, Report.REPORTER_EMAIL, r.reporterEmailEnc) : null,
                        r.reporterRelationship),
                content(r.content),
                r.identityPurgedAt);
    }

    private String decrypt(Report r, EncryptedColumn column, String stored) {
        return cipher.decrypt(stored, column.context(r.id));
    }

    private List<ReportSubmission.Content> content(String json) {
        try {
            return objectMapper.readValue(json, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored content unreadable", e);
        }
    }

    private static ProblemException notFound(UUID reportId) {
        return ProblemException.notFound("No report " + reportId + " is visible to you.");
    }
}
