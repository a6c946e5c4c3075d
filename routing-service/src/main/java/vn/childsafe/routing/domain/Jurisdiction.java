package vn.childsafe.routing.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.childsafe.commons.events.CaseRouted;

/**
 * Picks the unit that answers for an agency type at a resolved location (thẩm quyền theo địa bàn), with the
 * fallbacks of docs/routing-rules.md (section 3): a commune-level type without a unit for the commune falls back to its province type;
 * no location, or no unit of the type in the province, falls back to the national unit (police → national cyber
 * police, information → national infosec, others → the 111 hotline). If not even the national unit is
 * registered, the assignment still goes out under the type's name: a report is never dropped.
 */
public final class Jurisdiction {

    private final AgencyDirectory directory;

    public Jurisdiction(AgencyDirectory directory) {
        this.directory = directory;
    }

    /** One assignment of a case before it is stored: which unit, in which role. */
    public record PlannedAssignment(CaseRouted.Role role, AssignedUnit unit) {}

    /** The assignments of a case and the explanation lines jurisdiction added. */
    public record Plan(List<PlannedAssignment> assignments, List<String> explanation) {
        public Plan {
            assignments = List.copyOf(assignments);
            explanation = List.copyOf(explanation);
        }

        public PlannedAssignment lead() {
            return assignments.get(0);
        }
    }

    /**
     * The lead and supporting units for a decision at a location. A unit is assigned once: a support type that
     * lands on an already assigned unit (e.g. commune police falling back to the provincial police that also
     * supports) is noted, not assigned twice.
     */
    public Plan plan(RoutingDecision decision, Resolution where) {
        List<PlannedAssignment> assignments = new ArrayList<>();
        List<String> explanation = new ArrayList<>();
        Set<String> assigned = new LinkedHashSet<>();

        AssignedUnit lead = unitFor(decision.lead(), where);
        assignments.add(new PlannedAssignment(CaseRouted.Role.LEAD, lead));
        assigned.add(lead.agencyCode());
        explanation.addAll(lead.notes());
        explanation.add("lead: " + lead.agencyCode() + " (" + lead.agencyType() + ")");

        for (AgencyType type : decision.supports()) {
            AssignedUnit support = unitFor(type, where);
            explanation.addAll(support.notes());
            if (!assigned.add(support.agencyCode())) {
                explanation.add("support " + type + ": " + support.agencyCode() + " is already assigned to this case");
                continue;
            }
            assignments.add(new PlannedAssignment(CaseRouted.Role.SUPPORT, support));
            explanation.add("support: " + support.agencyCode() + " (" + support.agencyType() + ")");
        }
        return new Plan(assignments, explanation);
    }

    /** The unit that answers for {@code requested} at {@code where}, after fallbacks. */
    public AssignedUnit unitFor(AgencyType requested, Resolution where) {
        List<String> notes = new ArrayList<>();
        AgencyType type = requested;

        if (type.level() != AgencyType.Level.NATIONAL) {
            if (!where.hasProvince()) {
                AgencyType national = type.nationalFallback();
                notes.add(requested + ": no location resolved → national " + national);
                return national(national, requested, notes);
            }
            if (type.level() == AgencyType.Level.COMMUNE) {
                AgencyType province = type.provinceFallback().orElseThrow();
                if (where.communeCode() != null) {
                    Optional<AgencyDirectory.RegisteredUnit> unit =
                            directory.find(type, where.provinceCode(), where.communeCode());
                    if (unit.isPresent()) {
                        return registered(unit.get(), requested, notes);
                    }
                    notes.add(type + ": no unit registered for commune " + where.communeCode() + " → " + province);
                } else {
                    notes.add(type + ": commune not known → " + province);
                }
                type = province;
            }
            Optional<AgencyDirectory.RegisteredUnit> unit = directory.find(type, where.provinceCode(), null);
            if (unit.isPresent()) {
                return registered(unit.get(), requested, notes);
            }
            AgencyType national = type.nationalFallback();
            notes.add(type + ": no unit registered in province " + where.provinceCode() + " → national " + national);
            type = national;
        }
        return national(type, requested, notes);
    }

    private AssignedUnit national(AgencyType type, AgencyType requested, List<String> notes) {
        Optional<AgencyDirectory.RegisteredUnit> unit = directory.find(type, null, null);
        if (unit.isPresent()) {
            return registered(unit.get(), requested, notes);
        }
        notes.add(type + ": no national unit registered; assigned as \"" + AssignedUnit.UNREGISTERED_NATIONAL_NAME
                + "\" until one is");
        return new AssignedUnit(type.name(), AssignedUnit.UNREGISTERED_NATIONAL_NAME, type, requested, false, notes);
    }

    private static AssignedUnit registered(
            AgencyDirectory.RegisteredUnit unit, AgencyType requested, List<String> notes) {
        return new AssignedUnit(unit.code(), unit.name(), unit.type(), requested, true, notes);
    }
}
