package vn.childsafe.intake.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;

/**
 * A report with its identity, for the units assigned to its case and for admins. Reporter name, phone and e-mail
 * are withheld from units when the reporter asked to stay anonymous. After the retention period following
 * resolution, identity and description are erased and {@code identityPurgedAt} says when.
 */
@Schema(name = "ReportDetails", description = "A report with reporter and victim identity (hồ sơ đầy đủ).")
public record ReportDetails(
        UUID reportId,
        String trackingCode,
        ReportStatus status,
        Instant receivedAt,
        UUID caseId,
        String leadAgencyCode,
        ReportSubmission.Source source,
        Category category,
        Urgency urgency,
        OffsetDateTime occurredAt,
        String description,
        ReportSubmission.Location location,
        ReportSubmission.Victim victim,
        ReportSubmission.Reporter reporter,
        List<ReportSubmission.Content> content,
        Instant identityPurgedAt) {}
