package vn.childsafe.routing.cases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Stores cases with their reports and assignments, and reads them back. */
@ApplicationScoped
public class CaseRepository {

    @Inject
    EntityManager em;

    public void persist(RoutingCase routingCase, CaseReport report, List<Assignment> assignments) {
        em.persist(routingCase);
        em.persist(report);
        assignments.forEach(em::persist);
    }

    public Optional<RoutingCase> findById(UUID caseId) {
        return Optional.ofNullable(em.find(RoutingCase.class, caseId));
    }

    /** The case a report is linked to, if it was routed already. */
    public Optional<UUID> caseIdOfReport(UUID reportId) {
        CaseReport report = em.find(CaseReport.class, reportId);
        return Optional.ofNullable(report).map(r -> r.caseId);
    }

    public List<CaseReport> reportsOf(UUID caseId) {
        return em.createQuery("from CaseReport where caseId = :caseId order by receivedAt, reportId", CaseReport.class)
                .setParameter("caseId", caseId).getResultList();
    }

    /** The lead first, then supports, in the order they were assigned. */
    public List<Assignment> assignmentsOf(UUID caseId) {
        return em.createQuery("from Assignment where caseId = :caseId order by position", Assignment.class)
                .setParameter("caseId", caseId).getResultList();
    }

    /** Whether {@code agencyCode} holds an assignment on the case. */
    public boolean isAssigned(UUID caseId, String agencyCode) {
        return em.createQuery("select count(a) from Assignment a where a.caseId = :caseId and a.agencyCode = :agency",
                Long.class).setParameter("caseId", caseId).setParameter("agency", agencyCode).getSingleResult() > 0;
    }
}
