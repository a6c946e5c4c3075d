package vn.childsafe.commons.events;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;

/**
 * {@code cases.events.v1}, types {@code vn.childsafe.case.<kind>.v1}: every change of a case after
 * {@link CaseRouted}. Carries the case's current state and the alerts this change calls for (schema:
 * {@code docs/events/case-event.v1.schema.json}).
 *
 * @param alerts       who notify-service must alert because of this change
 * @param takedownUrls content URLs for which takedown requests must now be sent
 * @param detail       what happened, written by the system (never a unit's free text)
 * @param noteGiven    whether the unit wrote a note (decline or transfer reason, resolution note); the note itself
 *                     stays encrypted in routing-service
 * @param actor        who caused the change: agency code, {@code system} or client id
 */
public record CaseEvent(
        UUID caseId,
        Kind kind,
        String status,
        List<UUID> reportIds,
        Instant occurredAt,
        Category category,
        Urgency urgency,
        String provinceCode,
        String communeCode,
        List<Assignment> assignments,
        List<Alert> alerts,
        List<String> takedownUrls,
        String detail,
        boolean noteGiven,
        String actor) {

    /** What changed. */
    public enum Kind {
        ACKNOWLEDGED,
        DECLINED,
        TRANSFERRED,
        ESCALATED,
        REROUTED,
        REPORT_LINKED,
        RESOLVED,
        TIMELINE_NOTED;

        /** The CloudEvents type, e.g. {@code vn.childsafe.case.report-linked.v1}. */
        public String eventType() {
            return EventTypes.CASE_TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-') + ".v1";
        }
    }

    /** Role of an alerted agency in this change. */
    public enum AlertRole {
        LEAD,
        SUPPORT,
        LIAISON,
        ESCALATION
    }

    /** A current assignment of the case. */
    public record Assignment(
            UUID assignmentId,
            String agencyCode,
            String agencyName,
            String agencyType,
            CaseRouted.Role role,
            Instant ackDeadline,
            String state) {}

    /** An agency to alert. */
    public record Alert(String agencyCode, AlertRole role, UUID assignmentId, Instant ackDeadline) {}
}
