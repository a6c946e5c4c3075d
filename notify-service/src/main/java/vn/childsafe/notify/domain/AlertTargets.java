package vn.childsafe.notify.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.messaging.UnprocessableEventException;

/**
 * Who must be alerted about a routed case: the lead agency, every supporting agency, and the 111 liaison when
 * routing asked for it (Decision 830: the online channels are integrated with the 111 hotline).
 */
public final class AlertTargets {

    /** Agency code of the 111 hotline liaison's contact point. */
    public static final String LIAISON_AGENCY_CODE = "HOTLINE_111";

    private AlertTargets() {}

    /**
     * The targets of a {@code case.routed} event, lead first. An agency listed twice (for instance HOTLINE_111
     * as the national fallback lead and as the liaison) is alerted once, in its most responsible role, because a
     * delivery is unique per event, agency and channel.
     *
     * @throws UnprocessableEventException if the event lacks what an alert needs
     */
    public static List<AlertTarget> of(CaseRouted event) {
        validate(event);
        List<AlertTarget> targets = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        CaseRouted.Assignment lead = event.lead();
        add(
                targets,
                seen,
                new AlertTarget(lead.agencyCode(), TargetRole.LEAD, lead.assignmentId(), lead.ackDeadline()));
        for (CaseRouted.Assignment support : event.assignments()) {
            if (support.role() == CaseRouted.Role.SUPPORT) {
                add(
                        targets,
                        seen,
                        new AlertTarget(
                                support.agencyCode(),
                                TargetRole.SUPPORT,
                                support.assignmentId(),
                                support.ackDeadline()));
            }
        }
        if (event.liaisonRequired()) {
            add(targets, seen, new AlertTarget(LIAISON_AGENCY_CODE, TargetRole.LIAISON, null, null));
        }
        return List.copyOf(targets);
    }

    /**
     * The targets of a change after routing: exactly the event's {@code alerts}, in order, each agency once (its
     * first entry wins). An empty list is valid: the change needs no alert.
     *
     * @throws UnprocessableEventException if the event lacks what an alert needs
     */
    public static List<AlertTarget> of(CaseEvent event) {
        if (event == null) {
            throw new UnprocessableEventException("The event has no body");
        }
        if (event.caseId() == null || event.kind() == null) {
            throw new UnprocessableEventException("caseId or kind is missing");
        }
        if (event.reportIds() == null
                || event.reportIds().isEmpty()
                || event.reportIds().stream().anyMatch(Objects::isNull)) {
            throw new UnprocessableEventException("reportIds is missing or empty");
        }
        if (event.alerts() == null) {
            throw new UnprocessableEventException("alerts is missing");
        }
        List<AlertTarget> targets = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (CaseEvent.Alert alert : event.alerts()) {
            if (alert == null
                    || alert.role() == null
                    || alert.agencyCode() == null
                    || alert.agencyCode().isBlank()) {
                throw new UnprocessableEventException("an alert lacks its role or agencyCode");
            }
            add(
                    targets,
                    seen,
                    new AlertTarget(
                            alert.agencyCode(),
                            TargetRole.valueOf(alert.role().name()),
                            alert.assignmentId(),
                            alert.ackDeadline()));
        }
        return List.copyOf(targets);
    }

    private static void add(List<AlertTarget> targets, Set<String> seen, AlertTarget target) {
        if (seen.add(target.agencyCode())) {
            targets.add(target);
        }
    }

    private static void validate(CaseRouted event) {
        if (event == null) {
            throw new UnprocessableEventException("The event has no body");
        }
        if (event.caseId() == null) {
            throw new UnprocessableEventException("caseId is missing");
        }
        if (event.reportIds() == null
                || event.reportIds().isEmpty()
                || event.reportIds().stream().anyMatch(Objects::isNull)) {
            throw new UnprocessableEventException("reportIds is missing or empty");
        }
        if (event.assignments() == null || event.assignments().isEmpty()) {
            throw new UnprocessableEventException("assignments is missing or empty");
        }
        long leads = 0;
        for (CaseRouted.Assignment a : event.assignments()) {
            if (a == null
                    || a.role() == null
                    || a.agencyCode() == null
                    || a.agencyCode().isBlank()) {
                throw new UnprocessableEventException("an assignment lacks its role or agencyCode");
            }
            if (a.role() == CaseRouted.Role.LEAD) {
                leads++;
            }
        }
        if (leads != 1) {
            throw new UnprocessableEventException("expected exactly one LEAD assignment, found " + leads);
        }
    }
}
