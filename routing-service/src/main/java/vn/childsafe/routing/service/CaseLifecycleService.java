package vn.childsafe.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.routing.agency.Agency;
import vn.childsafe.routing.agency.AgencyRepository;
import vn.childsafe.routing.cases.Assignment;
import vn.childsafe.routing.cases.CaseNotes;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.CaseView;
import vn.childsafe.routing.cases.RoutingCase;
import vn.childsafe.routing.config.RoutingConfig;
import vn.childsafe.routing.domain.AgencyType;
import vn.childsafe.routing.domain.AssignedUnit;
import vn.childsafe.routing.domain.AssignmentRules;
import vn.childsafe.routing.domain.AssignmentState;
import vn.childsafe.routing.domain.CaseOutcome;
import vn.childsafe.routing.domain.CaseStatus;

/**
 * What units do to a case after routing: acknowledge, decline, transfer and resolve. Each change locks the case
 * row, writes a timeline entry and appends a {@link CaseEvent} carrying the case's current status and assignments
 * plus the alerts notify-service must send, all in one transaction ({@link CaseChanges}). Deadline escalation is
 * {@link AssignmentEscalation}; a duplicate report joining a case is {@link DuplicateLinking}.
 *
 * <p>Status ({@link AssignmentRules#status}): RESOLVED is final; otherwise the case is ACKNOWLEDGED while its
 * current lead has acknowledged, ESCALATED once an escalation happened (until a lead acknowledges), and ROUTED
 * before that.
 */
@ApplicationScoped
public class CaseLifecycleService {

    @Inject
    CaseRepository cases;

    @Inject
    AgencyRepository agencies;

    @Inject
    CaseChanges changes;

    @Inject
    CaseNotes notes;

    @Inject
    RoutingConfig config;

    @Inject
    Clock clock;

    /** The assignment's unit acknowledges: it is working on the case. */
    @Transactional
    public CaseView acknowledge(CallerScope caller, String actor, UUID caseId, UUID assignmentId) {
        Locked locked = lockToAnswer(caller, caseId, assignmentId, "acknowledged");
        RoutingCase c = locked.routingCase();
        List<Assignment> all = locked.assignments();
        Assignment a = locked.assignment();
        Instant now = now();
        a.state = AssignmentState.ACKNOWLEDGED;
        a.acknowledgedAt = now;
        CaseChanges.refreshStatus(c, all);
        if (c.status == CaseStatus.ACKNOWLEDGED && c.acknowledgedAt == null) {
            c.acknowledgedAt = now;
        }
        String detail = a.agencyCode + " (" + a.role + ") đã tiếp nhận";
        return changes.record(
                c,
                all,
                CaseChange.by(actor, CaseEvent.Kind.ACKNOWLEDGED, now, detail).onAssignment(a.id));
    }

    /**
     * The assignment's unit declines with a reason. Its role passes to the next level up (its escalation parent,
     * or the jurisdiction chain commune → province → national); a lead at national level passes the case to the
     * 111 liaison, which escalates it. The 111 liaison itself cannot decline a lead: it transfers instead.
     */
    @Transactional
    public CaseView decline(CallerScope caller, String actor, UUID caseId, UUID assignmentId, String reason) {
        String why = requireText(reason, "/reason", "a reason is required to decline");
        Locked locked = lockToAnswer(caller, caseId, assignmentId, "declined (an acknowledged lead transfers)");
        RoutingCase c = locked.routingCase();
        List<Assignment> all = locked.assignments();
        Assignment a = locked.assignment();
        Instant now = now();
        Optional<AssignedUnit> next = changes.nextLevelUp(c, a, now);
        boolean toLiaison = false;
        if (next.isEmpty() && a.role == CaseRouted.Role.LEAD) {
            if (a.agencyType == AgencyType.HOTLINE_111) {
                throw ProblemException.conflict("The 111 liaison is the last resort for a lead and cannot decline; "
                        + "transfer the case to a unit instead.");
            }
            next = Optional.of(changes.jurisdiction(now).unitFor(AgencyType.HOTLINE_111, CaseChanges.where(c)));
            toLiaison = true;
        }
        a.state = AssignmentState.DECLINED;
        a.endedAt = now;
        notes.setEndReason(a, why);
        cases.flush();

        List<CaseEvent.Alert> alerts = new ArrayList<>();
        StringBuilder detail = new StringBuilder(a.agencyCode + " (" + a.role + ") từ chối (lý do trong ghi chú)");
        if (next.isPresent() && !next.get().agencyCode().equals(a.agencyCode)) {
            Assignment taken = changes.assign(c, all, next.get(), a.role, CaseChanges.window(a), a.id, now);
            if (toLiaison) {
                alerts.add(CaseChanges.alert(taken, CaseEvent.AlertRole.ESCALATION));
                c.status = CaseStatus.ESCALATED;
                detail.append("; không còn đơn vị cấp trên, đầu mối Tổng đài 111 ")
                        .append(taken.agencyCode)
                        .append(" nhận vai trò chủ trì");
            } else {
                alerts.add(CaseChanges.alert(taken, AssignmentRules.alertRole(taken.role)));
                detail.append("; chuyển cho ").append(CaseChanges.unitAndRole(taken));
            }
            next.get().notes().forEach(note -> detail.append("; ").append(note));
        } else {
            detail.append("; không còn đơn vị cấp trên nhận vai trò phối hợp");
        }
        CaseChanges.refreshStatus(c, all);
        return changes.record(
                c,
                all,
                CaseChange.by(actor, CaseEvent.Kind.DECLINED, now, detail.toString())
                        .withNote(why)
                        .onAssignment(a.id)
                        .alerting(alerts));
    }

    /** The lead unit (or an admin) hands the lead to another registered, active agency. */
    @Transactional
    public CaseView transfer(CallerScope caller, String actor, UUID caseId, String agencyCode, String reason) {
        String why = requireText(reason, "/reason", "a reason is required to transfer");
        String code = requireText(agencyCode, "/agencyCode", "the agency to transfer to is required");
        Locked locked = lockAsLead(caller, caseId, "transfer");
        RoutingCase c = locked.routingCase();
        List<Assignment> all = locked.assignments();
        Assignment lead = locked.assignment();
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, config.timeZone());
        Agency target = agencies.findByIdOptional(code)
                .filter(agency -> agency.activeOn(today))
                .orElseThrow(() -> ProblemException.badRequest(
                        "No active agency " + code + " to transfer to.",
                        List.of(new Problem.FieldError("/agencyCode", "no active agency with this code"))));
        if (target.code.equals(lead.agencyCode)) {
            throw ProblemException.conflict(code + " already leads case " + caseId + ".");
        }
        lead.state = AssignmentState.TRANSFERRED;
        lead.endedAt = now;
        notes.setEndReason(lead, why);
        cases.flush();
        AssignedUnit unit = new AssignedUnit(target.code, target.name, target.type, target.type, true, List.of());
        Assignment taken = changes.assign(c, all, unit, CaseRouted.Role.LEAD, CaseChanges.window(lead), lead.id, now);
        CaseChanges.refreshStatus(c, all);
        String detail =
                "chuyển vai trò chủ trì từ " + lead.agencyCode + " sang " + taken.agencyCode + " (lý do trong ghi chú)";
        return changes.record(
                c,
                all,
                CaseChange.by(actor, CaseEvent.Kind.TRANSFERRED, now, detail)
                        .withNote(why)
                        .onAssignment(taken.id)
                        .alerting(List.of(CaseChanges.alert(taken, CaseEvent.AlertRole.LEAD))));
    }

    /** The lead unit (or an admin) closes the case with an outcome. Final. */
    @Transactional
    public CaseView resolve(CallerScope caller, String actor, UUID caseId, CaseOutcome outcome, String note) {
        if (outcome == null) {
            throw ProblemException.badRequest(
                    "An outcome is required.",
                    List.of(
                            new Problem.FieldError(
                                    "/outcome",
                                    "required: one of VICTIM_SUPPORTED, "
                                            + "REFERRED_TO_POLICE, OFFENDER_SANCTIONED, CONTENT_REMOVED, UNFOUNDED, DUPLICATE")));
        }
        if (note != null && note.length() > 2000) {
            throw ProblemException.badRequest(
                    "The note is too long.", List.of(new Problem.FieldError("/note", "at most 2000 characters")));
        }
        Locked locked = lockAsLead(caller, caseId, "resolve");
        RoutingCase c = locked.routingCase();
        List<Assignment> all = locked.assignments();
        Instant now = now();
        c.status = CaseStatus.RESOLVED;
        c.resolvedAt = now;
        c.outcome = outcome;
        String resolutionNote = note == null || note.isBlank() ? null : note.strip();
        notes.setResolutionNote(c, resolutionNote);
        String detail = "đã kết thúc: " + outcome + (resolutionNote == null ? "" : " (có ghi chú)");
        return changes.record(
                c,
                all,
                CaseChange.by(actor, CaseEvent.Kind.RESOLVED, now, detail).withNote(resolutionNote));
    }

    /** A case locked for a change, its assignments, and the one the change is about. */
    private record Locked(RoutingCase routingCase, List<Assignment> assignments, Assignment assignment) {}

    /** Locks an open case for an answer to one of the caller's own assignments, which must await one. */
    private Locked lockToAnswer(CallerScope caller, UUID caseId, UUID assignmentId, String answered) {
        RoutingCase c = changes.lockVisible(caller, caseId);
        List<Assignment> all = cases.assignmentsOf(caseId);
        Assignment a = ownAssignment(caller, all, assignmentId);
        requireOpen(c);
        if (!AssignmentRules.awaitsAnswer(a.state)) {
            throw ProblemException.conflict("Assignment " + assignmentId + " is " + a.state
                    + ": only a PENDING or ESCALATED assignment can be " + answered + ".");
        }
        return new Locked(c, all, a);
    }

    /** Locks an open case for an action only its current lead (or an admin) may take; the lead comes with it. */
    private Locked lockAsLead(CallerScope caller, UUID caseId, String action) {
        RoutingCase c = changes.lockVisible(caller, caseId);
        List<Assignment> all = cases.assignmentsOf(caseId);
        Assignment lead = CaseChanges.currentLead(all);
        if (!caller.seesAll() && !lead.agencyCode.equals(caller.agencyCode())) {
            throw new ProblemException(
                    403,
                    "Forbidden",
                    "Only the lead unit " + lead.agencyCode + " or an admin can " + action + " case " + caseId + ".");
        }
        requireOpen(c);
        return new Locked(c, all, lead);
    }

    private static Assignment ownAssignment(CallerScope caller, List<Assignment> all, UUID assignmentId) {
        return all.stream()
                .filter(a -> a.id.equals(assignmentId))
                .filter(a -> caller.seesAll() || a.agencyCode.equals(caller.agencyCode()))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("No assignment " + assignmentId
                        + (caller.seesAll() ? "" : " of agency " + caller.agencyCode()) + " on this case."));
    }

    private static void requireOpen(RoutingCase c) {
        if (c.status == CaseStatus.RESOLVED) {
            throw ProblemException.conflict("Case " + c.id + " is RESOLVED: no further changes.");
        }
    }

    private static String requireText(String value, String pointer, String message) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(
                    "The request is incomplete: " + message + ".", List.of(new Problem.FieldError(pointer, message)));
        }
        String text = value.strip();
        if (text.length() > 1000) {
            throw ProblemException.badRequest(
                    "A field is too long.", List.of(new Problem.FieldError(pointer, "at most 1000 characters")));
        }
        return text;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
