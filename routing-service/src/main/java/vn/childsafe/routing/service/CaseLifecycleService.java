package vn.childsafe.routing.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.problem.Problem;
import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.routing.agency.Agency;
import vn.childsafe.routing.agency.AgencyRepository;
import vn.childsafe.routing.cases.Assignment;
import vn.childsafe.routing.cases.CaseContent;
import vn.childsafe.routing.cases.CaseReport;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.CaseNotes;
import vn.childsafe.routing.cases.CaseView;
import vn.childsafe.routing.cases.RoutingCase;
import vn.childsafe.routing.cases.TimelineEntry;
import vn.childsafe.routing.config.RoutingConfig;
import vn.childsafe.routing.domain.AgencyType;
import vn.childsafe.routing.domain.AssignedUnit;
import vn.childsafe.routing.domain.AssignmentState;
import vn.childsafe.routing.domain.CaseOutcome;
import vn.childsafe.routing.domain.CaseStatus;
import vn.childsafe.routing.domain.Jurisdiction;
import vn.childsafe.routing.domain.KnownContentMatch;
import vn.childsafe.routing.domain.ReportFacts;
import vn.childsafe.routing.domain.Resolution;
import vn.childsafe.routing.domain.RoutingDecision;
import vn.childsafe.routing.domain.RoutingRules;
import vn.childsafe.routing.rules.RuleSetService;

/**
 * Everything that happens to a case after routing: acknowledge, decline, transfer, resolve and deadline
 * escalation. Each change locks the case row, writes a timeline entry and appends a {@link CaseEvent} carrying the
 * case's current status and assignments plus the alerts notify-service must send, all in one transaction.
 *
 * <p>Status: RESOLVED is final; otherwise the case is ACKNOWLEDGED while its current lead has acknowledged,
 * ESCALATED once an escalation happened (until a lead acknowledges), and ROUTED before that.
 */
@ApplicationScoped
public class CaseLifecycleService {

    /** Actor of changes the service makes by itself (deadline escalation). */
    public static final String SYSTEM = "system";
    /** Agency code under which notify-service reaches the 111 liaison. */
    public static final String HOTLINE_111 = "HOTLINE_111";

    private static final Logger LOG = Logger.getLogger(CaseLifecycleService.class);

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

    @Inject
    RuleSetService ruleSets;

    @Inject
    Clock clock;

    /** The assignment's unit acknowledges: it is working on the case. */
    @Transactional
    public CaseView acknowledge(CallerScope caller, String actor, UUID caseId, UUID assignmentId) {
        RoutingCase c = lockVisible(caller, caseId);
        List<Assignment> all = cases.assignmentsOf(caseId);
        Assignment a = ownAssignment(caller, all, assignmentId);
        requireOpen(c);
        if (a.state != AssignmentState.PENDING && a.state != AssignmentState.ESCALATED) {
            throw ProblemException.conflict("Assignment " + assignmentId + " is " + a.state
                    + ": only a PENDING or ESCALATED assignment can be acknowledged.");
        }
        Instant now = now();
        a.state = AssignmentState.ACKNOWLEDGED;
        a.acknowledgedAt = now;
        refreshStatus(c, all);
        if (c.status == CaseStatus.ACKNOWLEDGED && c.acknowledgedAt == null) {
            c.acknowledgedAt = now;
        }
        String detail = a.agencyCode + " (" + a.role + ") acknowledged";
        return record(c, all, CaseEvent.Kind.ACKNOWLEDGED, actor, detail, null, a.id, List.of(), List.of(), now);
    }

    /**
     * The assignment's unit declines with a reason. Its role passes to the next level up (its escalation parent,
     * or the jurisdiction chain commune → province → national); a lead at national level passes the case to the
     * 111 liaison, which escalates it. The 111 liaison itself cannot decline a lead: it transfers instead.
     */
    @Transactional
    public CaseView decline(CallerScope caller, String actor, UUID caseId, UUID assignmentId, String reason) {
        String why = requireText(reason, "/reason", "a reason is required to decline");
        RoutingCase c = lockVisible(caller, caseId);
        List<Assignment> all = cases.assignmentsOf(caseId);
        Assignment a = ownAssignment(caller, all, assignmentId);
        requireOpen(c);
        if (a.state != AssignmentState.PENDING && a.state != AssignmentState.ESCALATED) {
            throw ProblemException.conflict("Assignment " + assignmentId + " is " + a.state
                    + ": only a PENDING or ESCALATED assignment can be declined (an acknowledged lead transfers).");
        }
        Instant now = now();
        Optional<AssignedUnit> next = nextLevelUp(c, a, now);
        boolean toLiaison = false;
        if (next.isEmpty() && a.role == CaseRouted.Role.LEAD) {
            if (a.agencyType == AgencyType.HOTLINE_111) {
                throw ProblemException.conflict("The 111 liaison is the last resort for a lead and cannot decline; "
                        + "transfer the case to a unit instead.");
            }
            next = Optional.of(jurisdiction(now).unitFor(AgencyType.HOTLINE_111, where(c)));
            toLiaison = true;
        }
        a.state = AssignmentState.DECLINED;
        a.endedAt = now;
        notes.setEndReason(a, why);
        cases.flush();

        List<CaseEvent.Alert> alerts = new ArrayList<>();
        StringBuilder detail = new StringBuilder(a.agencyCode + " (" + a.role + ") declined (reason in the note)");
        if (next.isPresent() && !next.get().agencyCode().equals(a.agencyCode)) {
            Assignment taken = assign(c, all, next.get(), a.role, window(a), a.id, now);
            if (toLiaison) {
                alerts.add(new CaseEvent.Alert(taken.agencyCode, CaseEvent.AlertRole.ESCALATION, taken.id,
                        taken.ackDeadline));
                c.status = CaseStatus.ESCALATED;
                detail.append("; no unit above, the 111 liaison ").append(taken.agencyCode).append(" takes the lead");
            } else {
                alerts.add(new CaseEvent.Alert(taken.agencyCode, alertRole(taken.role), taken.id, taken.ackDeadline));
                detail.append("; re-routed to ").append(taken.agencyCode).append(" (").append(taken.agencyType)
                        .append(") as ").append(taken.role);
            }
            next.get().notes().forEach(note -> detail.append("; ").append(note));
        } else {
            detail.append("; no unit above to take over the support role");
        }
        refreshStatus(c, all);
        return record(c, all, CaseEvent.Kind.DECLINED, actor, detail.toString(), why, a.id, alerts, List.of(), now);
    }

    /** The lead unit (or an admin) hands the lead to another registered, active agency. */
    @Transactional
    public CaseView transfer(CallerScope caller, String actor, UUID caseId, String agencyCode, String reason) {
        String why = requireText(reason, "/reason", "a reason is required to transfer");
        String code = requireText(agencyCode, "/agencyCode", "the agency to transfer to is required");
        RoutingCase c = lockVisible(caller, caseId);
        List<Assignment> all = cases.assignmentsOf(caseId);
        Assignment lead = currentLead(all);
        if (!caller.seesAll() && !lead.agencyCode.equals(caller.agencyCode())) {
            throw new ProblemException(403, "Forbidden", "Only the lead unit " + lead.agencyCode
                    + " or an admin can transfer case " + caseId + ".");
        }
        requireOpen(c);
        Instant now = now();
        LocalDate today = LocalDate.ofInstant(now, config.timeZone());
        Agency target = agencies.findByIdOptional(code).filter(agency -> agency.activeOn(today))
                .orElseThrow(() -> ProblemException.badRequest("No active agency " + code + " to transfer to.",
                        List.of(new Problem.FieldError("/agencyCode", "no active agency with this code"))));
        if (target.code.equals(lead.agencyCode)) {
            throw ProblemException.conflict(code + " already leads case " + caseId + ".");
        }
        lead.state = AssignmentState.TRANSFERRED;
        lead.endedAt = now;
        notes.setEndReason(lead, why);
        cases.flush();
        AssignedUnit unit = new AssignedUnit(target.code, target.name, target.type, target.type, true, List.of());
        Assignment taken = assign(c, all, unit, CaseRouted.Role.LEAD, window(lead), lead.id, now);
        refreshStatus(c, all);
        String detail = "lead transferred from " + lead.agencyCode + " to " + taken.agencyCode + " (reason in the note)";
        return record(c, all, CaseEvent.Kind.TRANSFERRED, actor, detail, why, taken.id,
                List.of(new CaseEvent.Alert(taken.agencyCode, CaseEvent.AlertRole.LEAD, taken.id, taken.ackDeadline)),
                List.of(), now);
    }

    /** The lead unit (or an admin) closes the case with an outcome. Final. */
    @Transactional
    public CaseView resolve(CallerScope caller, String actor, UUID caseId, CaseOutcome outcome, String note) {
        if (outcome == null) {
            throw ProblemException.badRequest("An outcome is required.",
                    List.of(new Problem.FieldError("/outcome", "required: one of VICTIM_SUPPORTED, "
                            + "REFERRED_TO_POLICE, OFFENDER_SANCTIONED, CONTENT_REMOVED, UNFOUNDED, DUPLICATE")));
        }
        if (note != null && note.length() > 2000) {
            throw ProblemException.badRequest("The note is too long.",
                    List.of(new Problem.FieldError("/note", "at most 2000 characters")));
        }
        RoutingCase c = lockVisible(caller, caseId);
        List<Assignment> all = cases.assignmentsOf(caseId);
        Assignment lead = currentLead(all);
        if (!caller.seesAll() && !lead.agencyCode.equals(caller.agencyCode())) {
            throw new ProblemException(403, "Forbidden", "Only the lead unit " + lead.agencyCode
                    + " or an admin can resolve case " + caseId + ".");
        }
        requireOpen(c);
        Instant now = now();
        c.status = CaseStatus.RESOLVED;
        c.resolvedAt = now;
        c.outcome = outcome;
        String resolutionNote = note == null || note.isBlank() ? null : note.strip();
        notes.setResolutionNote(c, resolutionNote);
        String detail = "resolved: " + outcome + (resolutionNote == null ? "" : " (with a note)");
        return record(c, all, CaseEvent.Kind.RESOLVED, actor, detail, resolutionNote, null, List.of(), List.of(),
                now);
    }

    /**
     * Escalates one overdue assignment, if it is still PENDING and past its deadline at {@code now}: the claim is a
     * conditional update in this transaction, together with the outbox write, so that however many instances and
     * threads try, one deadline escalates exactly once.
     *
     * @return whether this call escalated it
     */
    @Transactional
    public boolean escalateOverdue(UUID assignmentId, Instant now) {
        Optional<UUID> caseId = cases.caseOfAssignment(assignmentId);
        if (caseId.isEmpty()) {
            return false;
        }
        RoutingCase c = cases.lockById(caseId.get()).orElseThrow();
        if (c.status == CaseStatus.RESOLVED || !cases.claimOverdue(assignmentId, now)) {
            return false;
        }
        List<Assignment> all = cases.assignmentsOf(c.id);
        Assignment a = all.stream().filter(x -> x.id.equals(assignmentId)).findFirst().orElseThrow();
        Optional<AssignedUnit> next = nextLevelUp(c, a, now);

        List<CaseEvent.Alert> alerts = new ArrayList<>();
        StringBuilder detail = new StringBuilder(a.agencyCode + " (" + a.role + ") did not acknowledge by "
                + a.ackDeadline + ": escalated");
        if (next.isPresent() && !next.get().agencyCode().equals(a.agencyCode)) {
            CaseRouted.Role role = a.role;
            if (role == CaseRouted.Role.LEAD) {
                // The next level up takes over the lead; the overdue unit stays on the case as support.
                a.role = CaseRouted.Role.SUPPORT;
                cases.flush();
            }
            Assignment target = assign(c, all, next.get(), role, window(a), a.id, now);
            alerts.add(new CaseEvent.Alert(target.agencyCode, CaseEvent.AlertRole.ESCALATION, target.id,
                    target.ackDeadline));
            detail.append(" to ").append(target.agencyCode).append(" (").append(target.agencyType).append(") as ")
                    .append(target.role);
            next.get().notes().forEach(note -> detail.append("; ").append(note));
        } else {
            detail.append("; no unit above ").append(a.agencyCode);
        }
        if (alerts.stream().noneMatch(alert -> HOTLINE_111.equals(alert.agencyCode()))) {
            alerts.add(new CaseEvent.Alert(HOTLINE_111, CaseEvent.AlertRole.LIAISON, null, null));
        }
        detail.append("; 111 liaison alerted");
        c.status = CaseStatus.ESCALATED;
        refreshStatus(c, all);
        LOG.infof("Case %s: assignment %s of %s escalated", c.id, a.id, a.agencyCode);
        record(c, all, CaseEvent.Kind.ESCALATED, SYSTEM, detail.toString(), null, a.id, alerts, List.of(), now);
        return true;
    }

    /**
     * Links a report to an open case with the same content (docs/routing-rules.md, section 7), in the routing transaction: the report
     * joins the case, its new URLs get takedowns if the category calls for them (REPORT_LINKED); if it raises the
     * urgency, the case is re-routed under the active rules at its location, new units are assigned and alerted
     * and pending deadlines tightened (REROUTED).
     *
     * @return {@code false} if the case was resolved in the meantime (the report is then routed as a new case)
     */
    public boolean linkDuplicate(UUID caseId, ReportReceived report, CaseReport link, List<CaseContent> content,
            List<KnownContentMatch> knownContent, Instant now) {
        RoutingCase c = cases.lockById(caseId).orElseThrow();
        if (c.status == CaseStatus.RESOLVED) {
            return false;
        }
        List<Assignment> all = cases.assignmentsOf(caseId);
        List<CaseContent> before = cases.contentOf(caseId);
        cases.persist(link);
        content.forEach(item -> {
            item.caseId = caseId;
            cases.persist(item);
        });
        ReportFacts facts = ReportFacts.of(report);
        c.victimGiven = c.victimGiven || facts.victimGiven();
        RoutingRules rules = ruleSets.active();
        boolean knownContentFound = !knownContent.isEmpty();
        if (knownContentFound) {
            c.category = knownContent.get(0).category();
        }
        List<String> takedown = new ArrayList<>();
        Set<Category> takedownCategories = rules.ruleSet().policies().takedownCategories();
        if (knownContentFound || takedownCategories.contains(c.category)
                || takedownCategories.contains(report.category())) {
            // Known content: every URL of the case not yet taken down is, not only the new report's.
            Set<String> handled = new HashSet<>();
            before.stream().filter(k -> !knownContentFound || c.takedownUrls.contains(k.url))
                    .forEach(k -> handled.add(k.canonicalUrl));
            Stream.concat(knownContentFound ? before.stream() : Stream.empty(), content.stream())
                    .filter(item -> item.url != null && item.canonicalUrl != null && handled.add(item.canonicalUrl))
                    .forEach(item -> takedown.add(item.url));
        }
        if (!takedown.isEmpty()) {
            c.takedownRequired = true;
            List<String> urls = new ArrayList<>(c.takedownUrls);
            urls.addAll(takedown);
            c.takedownUrls = urls;
        }
        String linked = "report " + report.reportId() + " linked: same content as this case (" + link.matchedBy + ")"
                + (knownContentFound ? "; content " + knownContent.stream().map(KnownContentMatch::describe)
                        .collect(Collectors.joining(", ")) : "");
        // A report from an unverified channel raises a case no higher than the rule set's cap for it.
        Urgency urgency = rules.ruleSet().policies().routedUrgency(report.sourceChannel(), report.urgency());
        if (!urgency.isHigherThan(c.urgency)) {
            record(c, all, CaseEvent.Kind.REPORT_LINKED, SYSTEM, linked + (takedown.isEmpty() ? ""
                    : "; takedown requested for " + takedown.size() + " new URL(s)"), null, null, List.of(), takedown, now);
            return true;
        }

        Urgency previous = c.urgency;
        c.urgency = urgency;
        RoutingDecision decision = rules.decide(new ReportFacts(c.category, report.urgency(), facts.sourceChannel(),
                facts.reporterRelationship(), facts.victimGiven(), facts.victimSchoolGiven(), facts.contentUrls(),
                knownContent));
        Jurisdiction.Plan plan = jurisdiction(now).plan(decision, where(c));
        List<CaseEvent.Alert> alerts = new ArrayList<>();
        Assignment lead = currentLead(all);
        AssignedUnit plannedLead = plan.lead().unit();
        if (!plannedLead.agencyCode().equals(lead.agencyCode)) {
            lead.role = CaseRouted.Role.SUPPORT;
            cases.flush();
            Assignment taken = assign(c, all, plannedLead, CaseRouted.Role.LEAD, decision.ackWithin(), null, now);
            alerts.add(new CaseEvent.Alert(taken.agencyCode, CaseEvent.AlertRole.LEAD, taken.id, taken.ackDeadline));
        }
        for (Jurisdiction.PlannedAssignment planned : plan.assignments().subList(1, plan.assignments().size())) {
            boolean assigned = all.stream().anyMatch(x -> x.state.isCurrent()
                    && x.agencyCode.equals(planned.unit().agencyCode()));
            if (!assigned) {
                Assignment taken = assign(c, all, planned.unit(), CaseRouted.Role.SUPPORT, decision.ackWithin(), null,
                        now);
                alerts.add(new CaseEvent.Alert(taken.agencyCode, CaseEvent.AlertRole.SUPPORT, taken.id,
                        taken.ackDeadline));
            }
        }
        Instant tighter = now.plus(decision.ackWithin());
        all.stream().filter(x -> x.state == AssignmentState.PENDING && x.ackDeadline.isAfter(tighter))
                .forEach(x -> x.ackDeadline = tighter);
        if (decision.liaisonRequired() && !c.liaisonRequired) {
            c.liaisonRequired = true;
            alerts.add(new CaseEvent.Alert(HOTLINE_111, CaseEvent.AlertRole.LIAISON, null, null));
        }
        c.ruleSetVersion = decision.ruleSetVersion();
        c.ruleId = decision.ruleId();
        List<String> explanation = new ArrayList<>(c.explanation);
        explanation.add("re-routed at " + now + ": " + linked + " raised the urgency from " + previous + " to "
                + c.urgency);
        explanation.addAll(decision.explanation());
        explanation.addAll(plan.explanation());
        c.explanation = explanation;
        refreshStatus(c, all);
        record(c, all, CaseEvent.Kind.REROUTED, SYSTEM, linked + "; urgency raised from " + previous + " to "
                + c.urgency + ", re-routed by rule " + decision.ruleId(), null, null, alerts, takedown, now);
        return true;
    }

    // --- helpers ---

    /**
     * Gives {@code role} on the case to {@code unit}: an agency already assigned keeps its assignment and takes the
     * role; otherwise a new PENDING assignment with a fresh deadline is made.
     */
    private Assignment assign(RoutingCase c, List<Assignment> all, AssignedUnit unit, CaseRouted.Role role,
            Duration window, UUID from, Instant now) {
        Optional<Assignment> existing = all.stream()
                .filter(x -> x.agencyCode.equals(unit.agencyCode()) && x.state.isCurrent()).findFirst();
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
     * jurisdiction chain (commune type → its province type, province type → its national type); empty at national
     * level.
     */
    Optional<AssignedUnit> nextLevelUp(RoutingCase c, Assignment a, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, config.timeZone());
        Optional<Agency> parent = agencies.findByIdOptional(a.agencyCode)
                .map(agency -> agency.escalationParentCode)
                .flatMap(agencies::findByIdOptional)
                .filter(agency -> agency.activeOn(today));
        if (parent.isPresent()) {
            Agency p = parent.get();
            return Optional.of(new AssignedUnit(p.code, p.name, p.type, p.type, true,
                    List.of("escalation parent of " + a.agencyCode + " is " + p.code)));
        }
        AgencyType type = a.agencyType;
        Jurisdiction jurisdiction = jurisdiction(now);
        return switch (type.level()) {
            case COMMUNE -> Optional.of(jurisdiction.unitFor(type.provinceFallback().orElseThrow(), where(c)));
            case PROVINCE -> Optional.of(jurisdiction.unitFor(type.nationalFallback(), where(c)));
            case NATIONAL -> Optional.empty();
        };
    }

    private Jurisdiction jurisdiction(Instant now) {
        return new Jurisdiction(agencies.activeOn(LocalDate.ofInstant(now, config.timeZone())));
    }

    private static Resolution where(RoutingCase c) {
        return new Resolution(c.provinceCode, c.provinceName, c.communeCode, c.locationLevel, List.of());
    }

    /** The deadline window an assignment had, given again to whoever takes its role. */
    private static Duration window(Assignment a) {
        Duration window = Duration.between(a.createdAt, a.ackDeadline);
        return window.isNegative() || window.isZero() ? Duration.ofMinutes(15) : window;
    }

    private static CaseEvent.AlertRole alertRole(CaseRouted.Role role) {
        return role == CaseRouted.Role.LEAD ? CaseEvent.AlertRole.LEAD : CaseEvent.AlertRole.SUPPORT;
    }

    /** RESOLVED stays; a lead that acknowledged makes ACKNOWLEDGED; else ESCALATED sticks until then. */
    static void refreshStatus(RoutingCase c, List<Assignment> all) {
        if (c.status == CaseStatus.RESOLVED) {
            return;
        }
        boolean leadAcknowledged = all.stream().anyMatch(x -> x.role == CaseRouted.Role.LEAD
                && x.state == AssignmentState.ACKNOWLEDGED);
        if (leadAcknowledged) {
            c.status = CaseStatus.ACKNOWLEDGED;
        } else if (c.status == CaseStatus.ESCALATED
                || all.stream().anyMatch(x -> x.state == AssignmentState.ESCALATED)) {
            c.status = CaseStatus.ESCALATED;
        } else {
            c.status = CaseStatus.ROUTED;
        }
    }

    /**
     * Records a change in the timeline and as a case event. {@code note} is the unit's own words: encrypted in the
     * timeline, and on the event only as the fact that there is one.
     */
    private CaseView record(RoutingCase c, List<Assignment> all, CaseEvent.Kind kind, String actor, String detail,
            String note, UUID assignmentId, List<CaseEvent.Alert> alerts, List<String> takedownUrls, Instant now) {
        c.updatedAt = now;
        TimelineEntry entry = TimelineEntry.of(c.id, now, kind.name(), actor, detail, assignmentId);
        cases.addTimeline(entry);
        notes.setNote(entry, note);
        events.append(c, all, kind, alerts, takedownUrls, entry.detail, note != null, actor, now);
        return CaseView.of(c, cases.reportsOf(c.id), cases.contentOf(c.id), all, cases.timelineOf(c.id), notes);
    }

    private RoutingCase lockVisible(CallerScope caller, UUID caseId) {
        if (!caller.seesAll() && (caller.agencyCode() == null || !cases.isAssigned(caseId, caller.agencyCode()))) {
            throw notFound(caseId);
        }
        return cases.lockById(caseId).orElseThrow(() -> notFound(caseId));
    }

    private static Assignment ownAssignment(CallerScope caller, List<Assignment> all, UUID assignmentId) {
        return all.stream().filter(a -> a.id.equals(assignmentId))
                .filter(a -> caller.seesAll() || a.agencyCode.equals(caller.agencyCode()))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("No assignment " + assignmentId
                        + (caller.seesAll() ? "" : " of agency " + caller.agencyCode()) + " on this case."));
    }

    private static Assignment currentLead(List<Assignment> all) {
        return all.stream().filter(a -> a.role == CaseRouted.Role.LEAD && a.state.isCurrent()).findFirst()
                .orElseThrow(() -> new IllegalStateException("case without a current lead"));
    }

    private static void requireOpen(RoutingCase c) {
        if (c.status == CaseStatus.RESOLVED) {
            throw ProblemException.conflict("Case " + c.id + " is RESOLVED: no further changes.");
        }
    }

    private static String requireText(String value, String pointer, String message) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("The request is incomplete: " + message + ".",
                    List.of(new Problem.FieldError(pointer, message)));
        }
        String text = value.strip();
        if (text.length() > 1000) {
            throw ProblemException.badRequest("A field is too long.",
                    List.of(new Problem.FieldError(pointer, "at most 1000 characters")));
        }
        return text;
    }

    private static ProblemException notFound(UUID caseId) {
        return ProblemException.notFound("No case " + caseId + ".");
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
