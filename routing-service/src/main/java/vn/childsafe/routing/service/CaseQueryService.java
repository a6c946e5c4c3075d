package vn.childsafe.routing.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import vn.childsafe.routing.cases.Assignment;
import vn.childsafe.routing.cases.CaseAccess;
import vn.childsafe.routing.cases.CaseNotes;
import vn.childsafe.routing.cases.CasePage;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.CaseSummary;
import vn.childsafe.routing.cases.CaseView;
import vn.childsafe.routing.cases.RoutingCase;

/** Reads cases for the callers allowed to see them: admins and ops, and the units currently assigned to a case. */
@ApplicationScoped
public class CaseQueryService {

    /** Largest page a caller may ask for. */
    public static final int MAX_PAGE_SIZE = 200;

    @Inject
    CaseRepository cases;

    @Inject
    CaseNotes notes;

    @Inject
    Clock clock;

    /**
     * The case, or empty if it does not exist or the caller's agency holds no current assignment on it; either way
     * the read is recorded in the case access log, in this transaction.
     */
    @Transactional
    public Optional<CaseView> read(CallerScope caller, String actor, UUID caseId) {
        Optional<CaseView> view = visible(caller, caseId);
        cases.logAccess(CaseAccess.of(
                caseId,
                actor,
                caller.agencyCode(),
                view.isPresent() ? CaseAccess.Outcome.SHOWN : CaseAccess.Outcome.NOT_VISIBLE,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS)));
        return view;
    }

    /** Who read a case's details, oldest first. */
    @Transactional
    public List<CaseAccess> accessLog(UUID caseId) {
        return cases.accessesOf(caseId);
    }

    /** One page of the cases the caller may see, newest first. */
    @Transactional
    public CasePage list(CallerScope caller, CaseRepository.Filter filter, int page, int size) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        CaseRepository.Visibility visibility = new CaseRepository.Visibility(caller.seesAll(), caller.agencyCode());
        List<RoutingCase> found = cases.list(filter, visibility, page, size);
        Map<UUID, Assignment> leads =
                cases.currentLeads(found.stream().map(c -> c.id).toList());
        return new CasePage(
                found.stream().map(c -> CaseSummary.of(c, leads.get(c.id))).toList(),
                page,
                size,
                cases.count(filter, visibility));
    }

    private Optional<CaseView> visible(CallerScope caller, UUID caseId) {
        Optional<RoutingCase> found = cases.findByIdOptional(caseId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!caller.seesAll() && (caller.agencyCode() == null || !cases.isAssigned(caseId, caller.agencyCode()))) {
            return Optional.empty();
        }
        return Optional.of(CaseView.of(
                found.get(),
                cases.reportsOf(caseId),
                cases.contentOf(caseId),
                cases.assignmentsOf(caseId),
                cases.timelineOf(caseId),
                notes));
    }
}
