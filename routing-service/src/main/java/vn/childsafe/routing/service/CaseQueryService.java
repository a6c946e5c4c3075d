package vn.childsafe.routing.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.childsafe.commons.problem.ProblemException;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.CaseView;
import vn.childsafe.routing.cases.RoutingCase;

/** Reads cases for the callers allowed to see them: admins and ops, and the units assigned to a case. */
@ApplicationScoped
public class CaseQueryService {

    @Inject
    CaseRepository cases;

    /** The case, or 404 if it does not exist or the caller's agency holds no assignment on it. */
    @Transactional
    public CaseView get(CallerScope caller, UUID caseId) {
        return visible(caller, caseId).orElseThrow(() -> ProblemException.notFound("No case " + caseId + "."));
    }

    /** The case a report was routed to, as a list of zero or one case the caller may see. */
    @Transactional
    public List<CaseView> byReport(CallerScope caller, UUID reportId) {
        return cases.caseIdOfReport(reportId).flatMap(caseId -> visible(caller, caseId)).stream().toList();
    }

    private Optional<CaseView> visible(CallerScope caller, UUID caseId) {
        Optional<RoutingCase> found = cases.findById(caseId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!caller.seesAll() && (caller.agencyCode() == null || !cases.isAssigned(caseId, caller.agencyCode()))) {
            return Optional.empty();
        }
        return Optional.of(CaseView.of(found.get(), cases.reportsOf(caseId), cases.assignmentsOf(caseId)));
    }
}
