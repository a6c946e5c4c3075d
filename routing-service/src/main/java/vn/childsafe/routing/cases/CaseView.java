package vn.childsafe.routing.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.SourceChannel;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.routing.domain.AgencyType;
import vn.childsafe.routing.domain.AssignmentState;
import vn.childsafe.routing.domain.CaseOutcome;
import vn.childsafe.routing.domain.CaseStatus;
import vn.childsafe.routing.domain.Resolution;

/** A case as the API shows it: where it was routed, to whom, why, and what happened since. No personal data. */
@Schema(name = "Case")
public record CaseView(
        UUID caseId,
        CaseStatus status,
        Category category,
        Urgency urgency,
        Location location,
        String ruleSetVersion,
        String ruleId,
        boolean liaisonRequired,
        boolean takedownRequired,
        List<String> takedownUrls,
        List<Report> reports,
        List<ContentView> content,
        List<AssignmentView> assignments,
        List<String> explanation,
        List<TimelineView> timeline,
        Instant createdAt,
        Instant routedAt,
        Instant acknowledgedAt,
        Instant resolvedAt,
        CaseOutcome outcome,
        String resolutionNote) {

    /** The resolved location in today's geography and how it was resolved. */
    @Schema(name = "CaseLocation")
    public record Location(
            String provinceCode, String provinceName, String communeCode, Resolution.Level level, List<String> notes) {}

    /** A report linked to the case, and why it joined a case another report opened. */
    @Schema(name = "CaseReport")
    public record Report(
            UUID reportId,
            Instant receivedAt,
            SourceChannel sourceChannel,

            @Schema(
                    description = "Why this report joined the case: canonical URL (with the platform rule), sha256, "
                            + "md5 or PDQ distance; absent for the report that opened it",
                    examples = "PDQ distance 12")
            String matchedBy) {}

    /** A piece of the reports' content, as reported and as recognised (docs/routing-rules.md, section 7). */
    @Schema(name = "CaseContent")
    public record ContentView(
            UUID reportId,
            String url,

            @Schema(examples = "youtube.com/watch?v=dQw4w9WgXcQ")
            String canonicalUrl,

            @Schema(
                    description = "The URL rule that produced the canonical form: a platform id, or generic",
                    examples = "youtube")
            String canonicalRule,

            String sha256,
            String md5,
            String pdq,
            Integer pdqQuality) {}

    /** One unit's assignment, current or ended (DECLINED, TRANSFERRED). */
    @Schema(name = "Assignment")
    public record AssignmentView(
            UUID assignmentId,
            String agencyCode,
            String agencyName,
            AgencyType agencyType,
            AgencyType requestedType,
            CaseRouted.Role role,
            Instant ackDeadline,
            AssignmentState state,
            Instant createdAt,
            Instant acknowledgedAt,
            Instant escalatedAt,
            Instant endedAt,
            String endReason) {}

    /** One line of the case's history. */
    @Schema(name = "TimelineEntry")
    public record TimelineView(
            Instant occurredAt,
            String kind,
            String actor,
            String detail,

            @Schema(
                    description = "The unit's own words (decline or transfer reason, resolution note); erased some "
                            + "time after the case is resolved")
            String note,

            UUID assignmentId) {}

    public static CaseView of(
            RoutingCase c,
            List<CaseReport> reports,
            List<CaseContent> content,
            List<Assignment> assignments,
            List<TimelineEntry> timeline,
            CaseNotes notes) {
        return new CaseView(
                c.id,
                c.status,
                c.category,
                c.urgency,
                new Location(
                        c.provinceCode, c.provinceName, c.communeCode, c.locationLevel, List.copyOf(c.locationNotes)),
                c.ruleSetVersion,
                c.ruleId,
                c.liaisonRequired,
                c.takedownRequired,
                List.copyOf(c.takedownUrls),
                reports.stream()
                        .map(r -> new Report(r.reportId, r.receivedAt, r.sourceChannel, r.matchedBy))
                        .toList(),
                content.stream()
                        .map(k -> new ContentView(
                                k.reportId,
                                k.url,
                                k.canonicalUrl,
                                k.canonicalRule,
                                k.sha256,
                                k.md5,
                                k.pdq,
                                k.pdqQuality))
                        .toList(),
                assignments.stream()
                        .map(a -> new AssignmentView(
                                a.id,
                                a.agencyCode,
                                a.agencyName,
                                a.agencyType,
                                a.requestedType,
                                a.role,
                                a.ackDeadline,
                                a.state,
                                a.createdAt,
                                a.acknowledgedAt,
                                a.escalatedAt,
                                a.endedAt,
                                notes.endReason(a)))
                        .toList(),
                List.copyOf(c.explanation),
                timeline.stream()
                        .map(t -> new TimelineView(
                                t.occurredAt, t.kind, t.actor, t.detail, notes.note(t), t.assignmentId))
                        .toList(),
                c.createdAt,
                c.routedAt,
                c.acknowledgedAt,
                c.resolvedAt,
                c.outcome,
                notes.resolutionNote(c));
    }
}
