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
import vn.childsafe.routing.domain.CaseStatus;
import vn.childsafe.routing.domain.Resolution;

/** A case as the API shows it: where it was routed, to whom, and why. No personal data lives in routing. */
@Schema(name = "Case")
public record CaseView(UUID caseId, CaseStatus status, Category category, Urgency urgency, Location location,
        String ruleSetVersion, String ruleId, boolean liaisonRequired, boolean takedownRequired,
        List<String> takedownUrls, List<Report> reports, List<AssignmentView> assignments, List<String> explanation,
        Instant createdAt, Instant routedAt) {

    /** The resolved location in today's geography and how it was resolved. */
    @Schema(name = "CaseLocation")
    public record Location(String provinceCode, String provinceName, String communeCode, Resolution.Level level,
            List<String> notes) {
    }

    /** A report linked to the case. */
    @Schema(name = "CaseReport")
    public record Report(UUID reportId, Instant receivedAt, SourceChannel sourceChannel) {
    }

    /** One unit's assignment. */
    @Schema(name = "Assignment")
    public record AssignmentView(UUID assignmentId, String agencyCode, String agencyName, AgencyType agencyType,
            AgencyType requestedType, CaseRouted.Role role, Instant ackDeadline, AssignmentState state) {
    }

    public static CaseView of(RoutingCase c, List<CaseReport> reports, List<Assignment> assignments) {
        return new CaseView(c.id, c.status, c.category, c.urgency,
                new Location(c.provinceCode, c.provinceName, c.communeCode, c.locationLevel,
                        List.copyOf(c.locationNotes)),
                c.ruleSetVersion, c.ruleId, c.liaisonRequired, c.takedownRequired, List.copyOf(c.takedownUrls),
                reports.stream().map(r -> new Report(r.reportId, r.receivedAt, r.sourceChannel)).toList(),
                assignments.stream().map(a -> new AssignmentView(a.id, a.agencyCode, a.agencyName, a.agencyType,
                        a.requestedType, a.role, a.ackDeadline, a.state)).toList(),
                List.copyOf(c.explanation), c.createdAt, c.routedAt);
    }
}
