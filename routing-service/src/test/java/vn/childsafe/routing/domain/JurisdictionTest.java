package vn.childsafe.routing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.childsafe.commons.domain.Category;
import vn.childsafe.commons.domain.Urgency;
import vn.childsafe.commons.events.CaseRouted;

class JurisdictionTest {

    private final List<Unit> units = new ArrayList<>();
    private final Jurisdiction jurisdiction = new Jurisdiction((type, province, commune) -> units.stream()
            .filter(u -> u.type == type && Objects.equals(u.province, province) && Objects.equals(u.commune, commune))
            .findFirst()
            .map(u -> new AgencyDirectory.RegisteredUnit(u.code, u.code + " name", u.type)));

    private record Unit(String code, AgencyType type, String province, String commune) {}

    private void register(String code, AgencyType type, String province, String commune) {
        units.add(new Unit(code, type, province, commune));
    }

    private static final Resolution HA_NOI = new Resolution("01", "Hà Nội", null, Resolution.Level.PROVINCE, List.of());
    private static final Resolution HA_NOI_COMMUNE =
            new Resolution("01", "Hà Nội", "00004", Resolution.Level.COMMUNE, List.of());

    @Test
    void communeTypeTakesTheCommuneUnit() {
        register("CAX-00004", AgencyType.POLICE_COMMUNE, "01", "00004");
        AssignedUnit unit = jurisdiction.unitFor(AgencyType.POLICE_COMMUNE, HA_NOI_COMMUNE);
        assertThat(unit.agencyCode()).isEqualTo("CAX-00004");
        assertThat(unit.notes()).isEmpty();
        assertThat(unit.registered()).isTrue();
    }

    @Test
    void communeTypeWithoutCommuneUnitFallsBackToProvinceType() {
        register("CA-01", AgencyType.POLICE_PROVINCE, "01", null);
        register("BVTE-01", AgencyType.CHILD_PROTECTION_PROVINCE, "01", null);

        AssignedUnit police = jurisdiction.unitFor(AgencyType.POLICE_COMMUNE, HA_NOI_COMMUNE);
        assertThat(police.agencyCode()).isEqualTo("CA-01");
        assertThat(police.agencyType()).isEqualTo(AgencyType.POLICE_PROVINCE);
        assertThat(police.requestedType()).isEqualTo(AgencyType.POLICE_COMMUNE);
        assertThat(police.notes())
                .containsExactly("POLICE_COMMUNE: no unit registered for commune 00004 → POLICE_PROVINCE");

        AssignedUnit committee = jurisdiction.unitFor(AgencyType.COMMUNE_COMMITTEE, HA_NOI);
        assertThat(committee.agencyCode()).isEqualTo("BVTE-01");
        assertThat(committee.notes())
                .containsExactly("COMMUNE_COMMITTEE: commune not known → CHILD_PROTECTION_PROVINCE");
    }

    @Test
    void noUnitInTheProvinceFallsBackToNational() {
        register("A05", AgencyType.NATIONAL_CYBER_POLICE, null, null);
        register("VNCOP", AgencyType.NATIONAL_INFOSEC, null, null);
        register("TD111", AgencyType.HOTLINE_111, null, null);

        assertThat(jurisdiction
                        .unitFor(AgencyType.POLICE_COMMUNE, HA_NOI_COMMUNE)
                        .agencyCode())
                .isEqualTo("A05");
        assertThat(jurisdiction.unitFor(AgencyType.POLICE_PROVINCE, HA_NOI).notes())
                .containsExactly("POLICE_PROVINCE: no unit registered in province 01 → national NATIONAL_CYBER_POLICE");
        assertThat(jurisdiction.unitFor(AgencyType.INFORMATION_PROVINCE, HA_NOI).agencyCode())
                .isEqualTo("VNCOP");
        assertThat(jurisdiction.unitFor(AgencyType.EDUCATION_PROVINCE, HA_NOI).agencyCode())
                .isEqualTo("TD111");
        AssignedUnit committee = jurisdiction.unitFor(AgencyType.COMMUNE_COMMITTEE, HA_NOI_COMMUNE);
        assertThat(committee.agencyCode()).isEqualTo("TD111");
        assertThat(committee.notes()).hasSize(2);
    }

    @Test
    void noLocationGoesNational() {
        register("A05", AgencyType.NATIONAL_CYBER_POLICE, null, null);
        register("CA-01", AgencyType.POLICE_PROVINCE, "01", null);
        AssignedUnit unit = jurisdiction.unitFor(AgencyType.POLICE_PROVINCE, Resolution.none(List.of()));
        assertThat(unit.agencyCode()).isEqualTo("A05");
        assertThat(unit.notes())
                .containsExactly("POLICE_PROVINCE: no location resolved → national NATIONAL_CYBER_POLICE");
    }

    @Test
    void unregisteredNationalUnitStillGetsTheAssignment() {
        AssignedUnit unit = jurisdiction.unitFor(AgencyType.POLICE_PROVINCE, HA_NOI);
        assertThat(unit.agencyCode()).isEqualTo("NATIONAL_CYBER_POLICE");
        assertThat(unit.agencyName()).isEqualTo("unregistered national unit");
        assertThat(unit.agencyType()).isEqualTo(AgencyType.NATIONAL_CYBER_POLICE);
        assertThat(unit.registered()).isFalse();
    }

    @Test
    void planAssignsEachUnitOnceAndExplainsFallbacks() {
        register("CA-01", AgencyType.POLICE_PROVINCE, "01", null);
        register("BVTE-01", AgencyType.CHILD_PROTECTION_PROVINCE, "01", null);
        RoutingDecision r1 = RoutingRules.defaults()
                .decide(new ReportFacts(Category.OTHER, Urgency.IMMEDIATE_DANGER, null, null, false, false, List.of()));
        assertThat(r1.ackWithin()).isEqualTo(Duration.ofMinutes(15));

        Jurisdiction.Plan plan = jurisdiction.plan(r1, HA_NOI_COMMUNE);
        assertThat(plan.assignments())
                .extracting(a -> a.role() + ":" + a.unit().agencyCode())
                .containsExactly("LEAD:CA-01", "SUPPORT:BVTE-01");
        assertThat(plan.lead().role()).isEqualTo(CaseRouted.Role.LEAD);
        assertThat(plan.explanation()).contains("support POLICE_PROVINCE: CA-01 is already assigned to this case");
    }

    @Test
    void nationalTypeRequestedDirectlyIsLookedUpNationally() {
        register("TD111", AgencyType.HOTLINE_111, null, null);
        assertThat(jurisdiction.unitFor(AgencyType.HOTLINE_111, HA_NOI))
                .extracting(AssignedUnit::agencyCode)
                .isEqualTo("TD111");
        assertThat(Optional.of(AgencyType.HOTLINE_111.nationalFallback())).contains(AgencyType.HOTLINE_111);
    }
}
