package vn.childsafe.intake.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.intake.config.PublicPageConfig;
import vn.childsafe.intake.report.ReportRepository;
import vn.childsafe.intake.report.ReportStatus;
import vn.childsafe.intake.report.ReportSubmission;

/**
 * The public page's use cases: a report goes through the same intake as an API report (validation by the caller,
 * identity encrypted, outbox), as channel {@code WEB_PUBLIC} under the page's client id; a status look-up by
 * tracking code answers only a coarse state and the lead unit's name, and only for the page's own reports.
 */
@ApplicationScoped
public class PublicReports {

    @Inject
    ReportSubmissions submissions;

    @Inject
    PublicPageConfig config;

    @Inject
    ReportRepository reports;

    /** What the page may tell anyone who holds a tracking code. */
    public enum Stage {
        /** Received, or routed but not yet taken up by a unit. */
        RECEIVED,
        /** A unit acknowledged it, or it was escalated. */
        IN_PROGRESS,
        /** Resolved. */
        CLOSED;

        static Stage of(ReportStatus status) {
            return switch (status) {
                case RECEIVED, ROUTED -> RECEIVED;
                case ACKNOWLEDGED, ESCALATED -> IN_PROGRESS;
                case RESOLVED -> CLOSED;
            };
        }
    }

    /** The coarse status of a page report: nothing about the child, the reporter or the content. */
    public record PublicStatus(Stage stage, String leadAgencyName) {}

    /**
     * Accepts a valid submission whose channel is {@code WEB_PUBLIC}.
     *
     * @throws IllegalArgumentException for another channel: page reports must stay recognisable as unverified
     */
    public ReportIntake.Accepted submit(ReportSubmission submission) {
        if (submission.source() == null || submission.source().channel() != SourceChannel.WEB_PUBLIC) {
            throw new IllegalArgumentException("a public page report must have channel WEB_PUBLIC");
        }
        return submissions.submit(submission, config.clientId(), null).accepted();
    }

    /** The status of the page report with this tracking code; empty for any other code. */
    @Transactional
    public Optional<PublicStatus> status(String trackingCode) {
        return reports.findByTrackingCode(trackingCode, SourceChannel.WEB_PUBLIC, config.clientId())
                .map(r -> new PublicStatus(Stage.of(r.status), r.leadAgencyName));
    }
}
