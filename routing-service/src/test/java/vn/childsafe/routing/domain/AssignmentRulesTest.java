package vn.childsafe.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.childsafe.commons.events.CaseEvent;
import vn.childsafe.commons.events.CaseRouted.Role;
import vn.childsafe.routing.domain.AssignmentRules.Held;

class AssignmentRulesTest {

    @Test
    void onlyPendingOrEscalatedAssignmentsAwaitAnAnswer() {
        assertThat(AssignmentState.values())
                .filteredOn(AssignmentRules::awaitsAnswer)
                .containsExactlyInAnyOrder(AssignmentState.PENDING, AssignmentState.ESCALATED);
    }

    @Test
    void theCurrentLeadIsALeadNotEnded() {
        assertThat(AssignmentRules.isCurrentLead(Role.LEAD, AssignmentState.ESCALATED))
                .isTrue();
        assertThat(AssignmentRules.isCurrentLead(Role.LEAD, AssignmentState.TRANSFERRED))
                .isFalse();
        assertThat(AssignmentRules.isCurrentLead(Role.SUPPORT, AssignmentState.ACKNOWLEDGED))
                .isFalse();
    }

    @Test
    void statusFollowsTheLeadAndEscalations() {
        Held pendingLead = new Held(Role.LEAD, AssignmentState.PENDING);
        Held ackedLead = new Held(Role.LEAD, AssignmentState.ACKNOWLEDGED);
        Held ackedSupport = new Held(Role.SUPPORT, AssignmentState.ACKNOWLEDGED);
        Held escalatedSupport = new Held(Role.SUPPORT, AssignmentState.ESCALATED);

        assertThat(AssignmentRules.status(CaseStatus.ROUTED, List.of(pendingLead, ackedSupport)))
                .isEqualTo(CaseStatus.ROUTED);
        assertThat(AssignmentRules.status(CaseStatus.ROUTED, List.of(ackedLead)))
                .isEqualTo(CaseStatus.ACKNOWLEDGED);
        assertThat(AssignmentRules.status(CaseStatus.ROUTED, List.of(pendingLead, escalatedSupport)))
                .isEqualTo(CaseStatus.ESCALATED);
        assertThat(AssignmentRules.status(CaseStatus.ESCALATED, List.of(pendingLead)))
                .isEqualTo(CaseStatus.ESCALATED);
        assertThat(AssignmentRules.status(CaseStatus.ESCALATED, List.of(ackedLead, escalatedSupport)))
                .isEqualTo(CaseStatus.ACKNOWLEDGED);
        assertThat(AssignmentRules.status(CaseStatus.RESOLVED, List.of(pendingLead)))
                .isEqualTo(CaseStatus.RESOLVED);
    }

    @Test
    void aRoleTakenOverKeepsItsWindowOrGetsTheDefault() {
        Instant created = Instant.parse("2026-11-20T03:00:00Z");
        assertThat(AssignmentRules.window(created, created.plus(Duration.ofHours(2))))
                .isEqualTo(Duration.ofHours(2));
        assertThat(AssignmentRules.window(created, created)).isEqualTo(AssignmentRules.DEFAULT_WINDOW);
        assertThat(AssignmentRules.window(created, created.minusSeconds(1))).isEqualTo(AssignmentRules.DEFAULT_WINDOW);
    }

    @Test
    void alertsNameTheRoleTaken() {
        assertThat(AssignmentRules.alertRole(Role.LEAD)).isEqualTo(CaseEvent.AlertRole.LEAD);
        assertThat(AssignmentRules.alertRole(Role.SUPPORT)).isEqualTo(CaseEvent.AlertRole.SUPPORT);
    }

    @Test
    void theTypeAboveWalksCommuneProvinceNational() {
        assertThat(AssignmentRules.typeAbove(AgencyType.POLICE_COMMUNE)).contains(AgencyType.POLICE_PROVINCE);
        assertThat(AssignmentRules.typeAbove(AgencyType.COMMUNE_COMMITTEE))
                .contains(AgencyType.CHILD_PROTECTION_PROVINCE);
        assertThat(AssignmentRules.typeAbove(AgencyType.POLICE_PROVINCE)).contains(AgencyType.NATIONAL_CYBER_POLICE);
        assertThat(AssignmentRules.typeAbove(AgencyType.EDUCATION_PROVINCE)).contains(AgencyType.HOTLINE_111);
        assertThat(AssignmentRules.typeAbove(AgencyType.NATIONAL_INFOSEC)).isEmpty();
    }
}
