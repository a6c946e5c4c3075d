package vn.childsafe.intake.service;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import vn.childsafe.commons.crypto.FieldCipher;
import vn.childsafe.commons.events.EventTypes;
import vn.childsafe.commons.events.Lane;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.commons.outbox.Outbox;
import vn.childsafe.commons.transaction.AfterCommit;
import vn.childsafe.intake.domain.TrackingCodes;
import vn.childsafe.intake.idempotency.IdempotencyKeys;
import vn.childsafe.intake.report.Report;
import vn.childsafe.intake.report.ReportRepository;
import vn.childsafe.intake.report.ReportStatus;
import vn.childsafe.intake.report.ReportSubmission;

/**
 * Accepts a report: stores it, with identity encrypted, and its {@code ReportReceived} event (in the report's
 * lane: IMMEDIATE_DANGER and HIGH go in the urgent one) in one transaction. Once this returns, the report cannot be
 * lost, whether or not Kafka is up.
 */
@ApplicationScoped
public class ReportIntake {

    @Inject
    ReportRepository reports;

    @Inject
    Outbox outbox;

    @Inject
    FieldCipher cipher;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Clock clock;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    MeterRegistry meters;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** What the sender gets back. */
    public record Accepted(UUID reportId, String trackingCode, ReportStatus status, Instant receivedAt) {}

    /**
     * Stores the report and its event; with an idempotency key, also the answer for replays, all in one
     * transaction.
     */
    @Transactional
    public Accepted accept(ReportSubmission submission, String clientId, String idempotencyKey) {
        Report report = toReport(submission, clientId);
        reports.persist(report);
        outbox.append(
                Lane.of(report.urgency),
                EventTypes.REPORTS_TOPIC,
                "report",
                report.id.toString(),
                EventTypes.REPORT_RECEIVED,
                toEvent(report, submission));
        Accepted accepted = new Accepted(report.id, report.trackingCode, report.status, report.receivedAt);
        if (idempotencyKey != null) {
            idempotencyKeys.complete(clientId, idempotencyKey, report.id, toJson(accepted));
        }
        countOnCommit(report);
        return accepted;
    }

    /** {@code childsafe_reports_received_total} by channel, category and urgency, once the report is durable. */
    private void countOnCommit(Report report) {
        String channel = report.sourceChannel == null ? "NONE" : report.sourceChannel.name();
        AfterCommit.run(
                transactions,
                () -> meters.counter(
                                "childsafe.reports.received",
                                "channel",
                                channel,
                                "category",
                                report.category.name(),
                                "urgency",
                                report.urgency.name())
                        .increment());
    }

    /** The report, if {@code clientId} submitted it; anybody else learns nothing, not even that it exists. */
    @Transactional
    public Optional<Report> findForClient(UUID reportId, String clientId) {
        return reports.findByIdOptional(reportId).filter(r -> r.clientId.equals(clientId));
    }

    private Report toReport(ReportSubmission s, String clientId) {
        Report r = new Report();
        r.id = UUID.randomUUID();
        r.trackingCode = TrackingCodes.next();
        r.clientId = clientId;
        r.receivedAt = Instant.now(clock);
        r.status = ReportStatus.RECEIVED;
        if (s.source() != null) {
            r.sourceChannel = s.source().channel();
            r.sourceReference = s.source().reference();
        }
        r.category = s.category();
        r.urgency = s.urgency();
        r.occurredAt = s.occurredAt();
        r.descriptionEnc = cipher.encrypt(
                Normalizer.normalize(s.description(), Normalizer.Form.NFC), Report.DESCRIPTION.context(r.id));
        if (s.location() != null) {
            r.provinceCode = s.location().provinceCode();
            r.communeCode = s.location().communeCode();
            r.districtCode = s.location().districtCode();
            r.wardCode = s.location().wardCode();
            r.addressEnc = cipher.encrypt(nfc(s.location().address()), Report.ADDRESS.context(r.id));
        }
        if (s.victim() != null) {
            r.victimGiven = true;
            r.victimAgeYears = s.victim().ageYears();
            r.victimGender = s.victim().gender();
            r.victimNameEnc = cipher.encrypt(nfc(s.victim().name()), Report.VICTIM_NAME.context(r.id));
            r.victimSchoolEnc = cipher.encrypt(nfc(s.victim().school()), Report.VICTIM_SCHOOL.context(r.id));
        }
        if (s.reporter() != null) {
            r.reporterAnonymous = Boolean.TRUE.equals(s.reporter().anonymous());
            r.reporterRelationship = s.reporter().relationship();
            r.reporterNameEnc = cipher.encrypt(nfc(s.reporter().name()), Report.REPORTER_NAME.context(r.id));
            r.reporterPhoneEnc = cipher.encrypt(s.reporter().phone(), Report.REPORTER_PHONE.context(r.id));
            r.reporterEmailEnc = cipher.encrypt(s.reporter().email(), Report.REPORTER_EMAIL.context(r.id));
        }
        r.content = toJson(s.content() == null ? List.of() : s.content());
        return r;
    }

    /** Only routing facts leave intake: never a name, phone, e-mail, address, school or the description. */
    private static ReportReceived toEvent(Report r, ReportSubmission s) {
        List<ReportReceived.ContentItem> content = s.content() == null
                ? List.of()
                : s.content().stream()
                        .map(c -> new ReportReceived.ContentItem(
                                c.url(),
                                c.platform(),
                                lower(c.sha256()),
                                lower(c.md5()),
                                lower(c.pdq()),
                                c.pdqQuality()))
                        .toList();
        return new ReportReceived(
                r.id,
                r.receivedAt,
                r.sourceChannel,
                r.category,
                r.urgency,
                r.occurredAt,
                new ReportReceived.Location(r.provinceCode, r.communeCode, r.districtCode, r.wardCode),
                new ReportReceived.Victim(r.victimGiven, r.victimAgeYears, r.victimGender, r.victimSchoolEnc != null),
                r.reporterRelationship,
                content);
    }

    private String toJson(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Content could not be serialised", e);
        }
    }

    private static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String lower(String hex) {
        return hex == null ? null : hex.toLowerCase(Locale.ROOT);
    }
}
