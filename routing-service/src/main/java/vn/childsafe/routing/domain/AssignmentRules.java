package vn.childsafe.routing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted;

/**
 * The rules of a case's assignments (docs/routing-rules.md): which assignments a unit may still answer, which one
 * leads, where a role goes next, and what the case's status is given its assignments. Plain Java, no state.
 */
public final class AssignmentRules {

    /** The window given to whoever takes over a role whose own window cannot be told (never shorter). */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

    /** The role and state of one assignment, all the status rule needs. */
    public record Held(CaseRouted.Role role, AssignmentState state) {}

    private AssignmentRules() {}

    /** Whether a unit may still acknowledge or decline an assignment in this state: PENDING or ESCALATED. */
    public static boolean awaitsAnswer(AssignmentState state) {
        return state == AssignmentState.PENDING || state == AssignmentState.ESCALATED;
    }

    /** Whether an assignment is the case's current lead. */
    public static boolean isCurrentLead(CaseRouted.Role role, AssignmentState state) {
        return role == CaseRouted.Role.LEAD && state.isCurrent();
    }

    /**
     * The case's status given its assignments: RESOLVED stays; a lead that acknowledged makes ACKNOWLEDGED; else
     * ESCALATED sticks (once escalated, or while an assignment is escalated) until then; else ROUTED.
     */
    public static CaseStatus status(CaseStatus current, Collection<Held> assignments) {
        if (current == CaseStatus.RESOLVED) {
            return CaseStatus.RESOLVED;
        }
        if (assignments.stream()
                .anyMatch(a -> a.role() == CaseRouted.Role.LEAD && a.state() == AssignmentState.ACKNOWLEDGED)) {
            return CaseStatus.ACKNOWLEDGED;
        }
        if (current == CaseStatus.ESCALATED
                || assignments.stream().anyMatch(a -> a.state() == AssignmentState.ESCALATED)) {
            return CaseStatus.ESCALATED;
        }
        return CaseStatus.ROUTED;
    }

    /** The deadline window an assignment had, given again to whoever takes its role. */
    public static Duration window(Instant createdAt, Instant ackDeadline) {
        Duration window = Duration.between(createdAt, ackDeadline);
        return window.isNegative() || window.isZero() ? DEFAULT_WINDOW : window;
    }

    /** How the unit that takes a role is alerted. */
    public static CaseEvent.AlertRole alertRole(CaseRouted.Role role) {
        return role == CaseRouted.Role.LEAD ? CaseEvent.AlertRole.LEAD : CaseEvent.AlertRole.SUPPORT;
    }

    /**
     * The type one level up the jurisdiction chain when a unit has no escalation parent: commune type → its
     * province type, province type → its national type; empty at national level.
     */
    public static Optional<AgencyType> typeAbove(AgencyType type) {
        return switch (type.level()) {
            case COMMUNE -> type.provinceFallback();
            case PROVINCE -> Optional.of(type.nationalFallback());
            case NATIONAL -> Optional.empty();
        };
    }
}
