package vn.childsafe.routing.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.commons.events.ReportReceived;
import vn.childsafe.routing.cases.Assignment;
import vn.childsafe.routing.cases.CaseContent;
import vn.childsafe.routing.cases.CaseReport;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.RoutingCase;
import vn.childsafe.routing.domain.AssignedUnit;
import vn.childsafe.routing.domain.AssignmentState;
import vn.childsafe.routing.domain.CaseStatus;
import vn.childsafe.routing.domain.Jurisdiction;
import vn.childsafe.routing.domain.KnownContentMatch;
import vn.childsafe.routing.domain.ReportFacts;
import vn.childsafe.routing.domain.RoutingDecision;
import vn.childsafe.routing.domain.RoutingRules;

/**
 * Links a report whose content matches an open case to that case, at routing time ({@link CaseRoutingService}),
 * instead of opening a new case: the report joins, takedowns widen, and a higher urgency re-routes the case.
 */
@ApplicationScoped
public class DuplicateLinking {

    @Inject
    CaseRepository cases;

    @Inject
    CaseChanges changes;

    @Inject
    RuleSetService ruleSets;

    /**
     * Links a report to an open case with the same content (docs/routing-rules.md, section 7), in the caller's
     * routing transaction: the report joins the case, its new URLs get takedowns if the category calls for them
     * (REPORT_LINKED); if it raises the urgency, the case is re-routed under the active rules at its location, new
     * units are assigned and alerted and pending deadlines tightened (REROUTED).
     *
     * @return {@code false} if the case was resolved in the meantime (the report is then routed as a new case)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean linkDuplicate(
            UUID caseId,
            ReportReceived report,
            CaseReport link,
            List<CaseContent> content,
            List<KnownContentMatch> knownContent,
            Instant now) {
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
        if (knownContentFound
                || takedownCategories.contains(c.category)
                || takedownCategories.contains(report.category())) {
            // Known content: every URL of the case not yet taken down is, not only the new report's.
            Set<String> handled = new HashSet<>();
            before.stream()
                    .filter(k -> !knownContentFound || c.takedownUrls.contains(k.url))
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
        String knownContentText = knownContentFound
                ? knownContent.stream().map(KnownContentMatch::describe).collect(Collectors.joining(", "))
                : "";
        // The routing explanation is English; the timeline, which units read, Vietnamese.
        String linked = "report " + report.reportId() + " linked: same content as this case (" + link.matchedBy + ")"
                + (knownContentFound ? "; content " + knownContentText : "");
        String linkedText = "phản ánh " + report.reportId() + " được gộp vào vụ việc: trùng nội dung (" + link.matchedBy
                + ")" + (knownContentFound ? "; nội dung " + knownContentText : "");
        // A report from an unverified channel raises a case no higher than the rule set's cap for it.
        Urgency urgency = rules.ruleSet().policies().routedUrgency(report.sourceChannel(), report.urgency());
        if (!urgency.isHigherThan(c.urgency)) {
            String detail = linkedText + (takedown.isEmpty() ? "" : "; đã yêu cầu gỡ " + takedown.size() + " URL mới");
            changes.record(
                    c,
                    all,
                    CaseChange.bySystem(CaseEvent.Kind.REPORT_LINKED, now, detail)
                            .takingDown(takedown));
            return true;
        }

        Urgency previous = c.urgency;
        c.urgency = urgency;
        RoutingDecision decision = rules.decide(new ReportFacts(
                c.category,
                report.urgency(),
                facts.sourceChannel(),
                facts.reporterRelationship(),
                facts.victimGiven(),
                facts.victimSchoolGiven(),
                facts.contentUrls(),
                knownContent));
        Jurisdiction.Plan plan = changes.jurisdiction(now).plan(decision, CaseChanges.where(c));
        List<CaseEvent.Alert> alerts = new ArrayList<>();
        Assignment lead = CaseChanges.currentLead(all);
        AssignedUnit plannedLead = plan.lead().unit();
        if (!plannedLead.agencyCode().equals(lead.agencyCode)) {
            lead.role = CaseRouted.Role.SUPPORT;
            cases.flush();
            Assignment taken =
                    changes.assign(c, all, plannedLead, CaseRouted.Role.LEAD, decision.ackWithin(), null, now);
            alerts.add(CaseChanges.alert(taken, CaseEvent.AlertRole.LEAD));
        }
        for (Jurisdiction.PlannedAssignment planned :
                plan.assignments().subList(1, plan.assignments().size())) {
            boolean assigned = all.stream()
                    .anyMatch(x -> x.state.isCurrent()
                            && x.agencyCode.equals(planned.unit().agencyCode()));
            if (!assigned) {
                Assignment taken = changes.assign(
                        c, all, planned.unit(), CaseRouted.Role.SUPPORT, decision.ackWithin(), null, now);
                alerts.add(CaseChanges.alert(taken, CaseEvent.AlertRole.SUPPORT));
            }
        }
        Instant tighter = now.plus(decision.ackWithin());
        all.stream()
                .filter(x -> x.state == AssignmentState.PENDING && x.ackDeadline.isAfter(tighter))
                .forEach(x -> x.ackDeadline = tighter);
        if (decision.liaisonRequired() && !c.liaisonRequired) {
            c.liaisonRequired = true;
            alerts.add(new CaseEvent.Alert(CaseChanges.HOTLINE_111, CaseEvent.AlertRole.LIAISON, null, null));
        }
        c.ruleSetVersion = decision.ruleSetVersion();
        c.ruleId = decision.ruleId();
        List<String> explanation = new ArrayList<>(c.explanation);
        explanation.add(
                "re-routed at " + now + ": " + linked + " raised the urgency from " + previous + " to " + c.urgency);
        explanation.addAll(decision.explanation());
        explanation.addAll(plan.explanation());
        c.explanation = explanation;
        CaseChanges.refreshStatus(c, all);
        String detail = linkedText + "; mức khẩn cấp nâng từ " + previous + " lên " + c.urgency
                + ", điều phối lại theo quy tắc " + decision.ruleId();
        changes.record(
                c,
                all,
                CaseChange.bySystem(CaseEvent.Kind.REROUTED, now, detail)
                        .alerting(alerts)
                        .takingDown(takedown));
        return true;
    }
}
