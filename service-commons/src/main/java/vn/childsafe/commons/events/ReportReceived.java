package vn.childsafe.commons.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Gender;
import vn.childsafe.commons.domain.ReporterRelationship;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;

/**
 * {@code reports.received.v1}: a report was accepted by intake. Carries what routing needs and nothing that
 * identifies a person: no names, phones, e-mails, addresses, schools or description (schema:
 * {@code docs/events/report-received.v1.schema.json}).
 */
public record ReportReceived(
        UUID reportId,
        Instant receivedAt,
        SourceChannel sourceChannel,
        Category category,
        Urgency urgency,
        OffsetDateTime occurredAt,
        Location location,
        Victim victim,
        ReporterRelationship reporterRelationship,
        List<ContentItem> content) {

    /** Location codes as sent: today's (province, commune) and/or legacy (province, district, ward). */
    public record Location(String provinceCode, String communeCode, String districtCode, String wardCode) {}

    /** Routing facts about the victim, never their identity. */
    public record Victim(boolean given, Integer ageYears, Gender gender, boolean schoolGiven) {}

    /**
     * A piece of reported online content.
     *
     * @param pdq        PDQ perceptual hash, 64 lower-case hex digits, or null
     * @param pdqQuality PDQ's quality figure (0-100) for {@code pdq}, or null
     */
    public record ContentItem(String url, String platform, String sha256, String md5, String pdq, Integer pdqQuality) {}
}
