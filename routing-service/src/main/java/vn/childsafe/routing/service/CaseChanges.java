package vn.childsafe.routing.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.routing.agency.Agency;
import vn.childsafe.routing.agency.AgencyRepository;
import vn.childsafe.routing.cases.Assignment;
import vn.childsafe.routing.cases.CaseNotes;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.CaseView;
import vn.childsafe.routing.cases.RoutingCase;
import vn.childsafe.routing.cases.TimelineEntry;
import vn.childsafe.routing.config.RoutingConfig;
import vn.childsafe.routing.domain.AssignedUnit;
import vn.childsafe.routing.domain.AssignmentRules;
import vn.childsafe.routing.domain.AssignmentState;
import vn.childsafe.routing.domain.Jurisdiction;
import vn.childsafe.routing.domain.Resolution;

/**
 * What every change of a routed case shares, whoever makes it (a unit's action, deadline escalation, a duplicate
 * report): locking the case, giving a role to a unit, finding the unit one level up, and recording the change in
 * the timeline and as a {@link CaseEvent}, in the caller's transaction.
 */
@ApplicationScoped
public class CaseChanges {

    /** Actor of changes the service makes by itself (routing, deadline escalation, duplicate linking). */
    public static final String SYSTEM = "system";
    /** Agency code under which notify-service reaches the 111 liaison. */
    public static final String HOTLINE_111 = "HOTLINE_111";

    @Inject
    CaseRepository cases;

    @Inject
    AgencyRepository agencies;

    @Inject
    CaseEvents events;

    @Inject
    CaseNotes notes;

    @Inject
    RoutingConfig config;

    /**
     * The case locked for update, if the caller may see it: every change of a case goes through this lock, so that
     * a unit's action, the escalation scheduler of any instance and the notify consumer never interleave.
     */
    RoutingCase lockVisible(CallerScope caller, UUID caseId) {
        if (!caller.seesAll() && (caller.agencyCode() == null || !cases.isAssigned(caseId, caller.agencyCode()))) {
            throw notFound(caseId);
        }
        return cases.lockById(caseId).orElseThrow(() -> notFound(caseId));
    }

    /**
     * Records a change in the timeline and as a case event. The change's note is the unit's own words: encrypted
     * in the timeline, and on the event only as the fact that there is one.
     */
    CaseView record(RoutingCase c, List<Assignment> all, CaseChange change) {
        c.updatedAt = change.at();
        TimelineEntry entry = TimelineEntry.of(
                c.id, change.at(), change.kind().name(), change.actor(), change.detail(), change.assignmentId());
        cases.addTimeline(entry);
        notes.setNote(entry, change.note());
        events.append(c, all, change);
        return CaseView.of(c, cases.reportsOf(c.id), cases.contentOf(c.id), all, cases.timelineOf(c.id), notes);
    }

    /**
     * Gives {@code role} on the case to {@code unit}: an agency already assigned keeps its assignment and takes the
     * role; otherwise a new PENDING assignment with a fresh deadline is made.
     */
    Assignment assign(
            RoutingCase c,
            List<Assignment> all,
            AssignedUnit unit,
            CaseRouted.Role role,
            Duration window,
            UUID from,
            Instant now) {
        Optional<Assignment> existing = all.stream()
                .filter(x -> x.agencyCode.equals(unit.agencyCode()) && x.state.isCurrent())
                .findFirst();
        if (existing.isPresent()) {
            if (role == CaseRouted.Role.LEAD) {
                existing.get().role = CaseRouted.Role.LEAD;
            }
            return existing.get();
        }
        Assignment assignment = new Assignment();
        assignment.id = UUID.randomUUID();
        assignment.caseId = c.id;
        assignment.position = all.stream().mapToInt(x -> x.position).max().orElse(-1) + 1;
        assignment.agencyCode = unit.agencyCode();
        assignment.agencyName = unit.agencyName();
        assignment.agencyType = unit.agencyType();
        assignment.requestedType = unit.requestedType();
        assignment.role = role;
        assignment.ackDeadline = now.plus(window);
        assignment.state = AssignmentState.PENDING;
        assignment.createdAt = now;
        assignment.createdFrom = from;
        cases.persist(assignment);
        all.add(assignment);
        return assignment;
    }

    /**
     * The next level up from an assignment's unit: its registered escalation parent if active, else the
     * jurisdiction chain ({@link AssignmentRules#typeAbove}); empty at national level.
     */
    Optional<AssignedUnit> nextLevelUp(RoutingCase c, Assignment a, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, config.timeZone());
        Optional<Agency> parent = agencies.findByIdOptional(a.agencyCode)
                .map(agency -> agency.escalationParentCode)
                .flatMap(agencies::findByIdOptional)
                .filter(agency -> agency.activeOn(today));
        if (parent.isPresent()) {
            Agency p = parent.get();
            return Optional.of(new AssignedUnit(
                    p.code,
                    p.name,
                    p.type,
                    p.type,
                    true,
                    List.of("đơn vị cấp trên của " + a.agencyCode + " là " + p.code)));
        }
        Jurisdiction jurisdiction = jurisdiction(now);
        return AssignmentRules.typeAbove(a.agencyType).map(type -> jurisdiction.unitFor(type, where(c)));
    }

    /** The agencies registered and active on the day of {@code now}. */
    Jurisdiction jurisdiction(Instant now) {
        return new Jurisdiction(agencies.activeOn(LocalDate.ofInstant(now, config.timeZone())));
    }

    /** Where the case was routed. */
    static Resolution where(RoutingCase c) {
        return new Resolution(c.provinceCode, c.provinceName, c.communeCode, c.locationLevel, List.of());
    }

    /** The deadline window an assignment had, given again to whoever takes its role. */
    static Duration window(Assignment a) {
        return AssignmentRules.window(a.createdAt, a.ackDeadline);
    }

    /** The alert that tells an assignment's unit it now holds {@code role} on the case, with its deadline. */
    static CaseEvent.Alert alert(Assignment a, CaseEvent.AlertRole role) {
        return new CaseEvent.Alert(a.agencyCode, role, a.id, a.ackDeadline);
    }

    /** Who took which role, as the timeline says it: {@code CA-01 (POLICE_PROVINCE) với vai trò LEAD}. */
    static String unitAndRole(Assignment a) {
        return a.agencyCode + " (" + a.agencyType + ") với vai trò " + a.role;
    }

    static Assignment currentLead(List<Assignment> all) {
        return all.stream()
                .filter(a -> AssignmentRules.isCurrentLead(a.role, a.state))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("case without a current lead"));
    }

    /** Sets the case's status from its assignments ({@link AssignmentRules#status}). */
    static void refreshStatus(RoutingCase c, List<Assignment> all) {
        c.status = AssignmentRules.status(
                c.status,
                all.stream().map(a -> new AssignmentRules.Held(a.role, a.state)).toList());
    }

    private static ProblemException notFound(UUID caseId) {
        return ProblemException.notFound("No case " + caseId + ".");
    }
}
