package vn.childsafe.routing.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted;
import vn.childsafe.routing.cases.Assignment;
import vn.childsafe.routing.cases.CaseRepository;
import vn.childsafe.routing.cases.RoutingCase;
import vn.childsafe.routing.domain.AssignedUnit;
import vn.childsafe.routing.domain.CaseStatus;

/**
 * Escalates one overdue assignment for the deadline watcher ({@link DeadlineEscalation}): the next level up takes
 * its role, the 111 liaison is alerted, and the case becomes ESCALATED.
 */
@ApplicationScoped
public class AssignmentEscalation {

    private static final Logger LOG = Logger.getLogger(AssignmentEscalation.class);

    @Inject
    CaseRepository cases;

    @Inject
    CaseChanges changes;

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
        Assignment a =
                all.stream().filter(x -> x.id.equals(assignmentId)).findFirst().orElseThrow();
        Optional<AssignedUnit> next = changes.nextLevelUp(c, a, now);

        List<CaseEvent.Alert> alerts = new ArrayList<>();
        StringBuilder detail = new StringBuilder(
                a.agencyCode + " (" + a.role + ") không tiếp nhận trước hạn " + a.ackDeadline + ": chuyển cấp");
        if (next.isPresent() && !next.get().agencyCode().equals(a.agencyCode)) {
            CaseRouted.Role role = a.role;
            if (role == CaseRouted.Role.LEAD) {
                // The next level up takes over the lead; the overdue unit stays on the case as support.
                a.role = CaseRouted.Role.SUPPORT;
                cases.flush();
            }
            Assignment target = changes.assign(c, all, next.get(), role, CaseChanges.window(a), a.id, now);
            alerts.add(CaseChanges.alert(target, CaseEvent.AlertRole.ESCALATION));
            detail.append(" lên ").append(CaseChanges.unitAndRole(target));
            next.get().notes().forEach(note -> detail.append("; ").append(note));
        } else {
            detail.append("; không có đơn vị cấp trên của ").append(a.agencyCode);
        }
        if (alerts.stream().noneMatch(alert -> CaseChanges.HOTLINE_111.equals(alert.agencyCode()))) {
            alerts.add(new CaseEvent.Alert(CaseChanges.HOTLINE_111, CaseEvent.AlertRole.LIAISON, null, null));
        }
        detail.append("; đã báo đầu mối Tổng đài 111");
        c.status = CaseStatus.ESCALATED;
        CaseChanges.refreshStatus(c, all);
        LOG.infof("Case %s: assignment %s of %s escalated", c.id, a.id, a.agencyCode);
        changes.record(
                c,
                all,
                CaseChange.bySystem(CaseEvent.Kind.ESCALATED, now, detail.toString())
                        .onAssignment(a.id)
                        .alerting(alerts));
        return true;
    }
}
