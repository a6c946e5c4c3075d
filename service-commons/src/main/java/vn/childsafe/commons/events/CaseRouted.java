package vn.childsafe.commons.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;

/**
 * {@code cases.events.v1}, type {@code vn.childsafe.case.routed.v1}: routing decided who must act on a case
 * (schema: {@code docs/events/case-routed.v1.schema.json}).
 *
 * @param liaisonRequired  whether the 111 hotline liaison must be alerted
 * @param takedownRequired whether takedown requests must be sent for {@code takedownUrls}
 * @param knownContentLists the known-content hash lists the report's content is on, by name only: the lists and
 *                         their hashes never leave routing (empty when none; absent from events before it existed)
 */
public record CaseRouted(
        UUID caseId,
        String status,
        List<UUID> reportIds,
        Instant occurredAt,
        Category category,
        Urgency urgency,
        String provinceCode,
        String communeCode,
        String ruleSetVersion,
        String ruleId,
        List<Assignment> assignments,
        boolean liaisonRequired,
        boolean takedownRequired,
        List<String> takedownUrls,
        List<String> knownContentLists) {

    public CaseRouted {
        knownContentLists = knownContentLists == null ? List.of() : List.copyOf(knownContentLists);
    }

    /** Role of an assigned agency: lead unit (cơ quan chủ trì) or supporting unit (cơ quan phối hợp). */
    public enum Role {
        LEAD,
        SUPPORT
    }

    /** One agency that must act, with its acknowledgement deadline. */
    public record Assignment(
            UUID assignmentId,
            String agencyCode,
            String agencyName,
            String agencyType,
            Role role,
            Instant ackDeadline) {}

    /** The lead assignment. */
    public Assignment lead() {
        return assignments.stream()
                .filter(a -> a.role() == Role.LEAD)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no lead assignment"));
    }
}
