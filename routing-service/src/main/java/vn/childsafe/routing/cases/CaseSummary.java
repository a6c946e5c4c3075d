package vn.childsafe.routing.cases;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.routing.domain.CaseStatus;

/** A case in the case list: enough to pick it, the detail is one GET away. */
@Schema(name = "CaseSummary")
public record CaseSummary(
        UUID caseId,
        CaseStatus status,
        Category category,
        Urgency urgency,
        String provinceCode,
        String provinceName,
        String communeCode,
        String ruleId,
        String leadAgencyCode,
        Instant leadAckDeadline,
        Instant createdAt,
        Instant resolvedAt) {

    public static CaseSummary of(RoutingCase c, Assignment lead) {
        return new CaseSummary(
                c.id,
                c.status,
                c.category,
                c.urgency,
                c.provinceCode,
                c.provinceName,
                c.communeCode,
                c.ruleId,
                lead == null ? null : lead.agencyCode,
                lead == null ? null : lead.ackDeadline,
                c.createdAt,
                c.resolvedAt);
    }
}
