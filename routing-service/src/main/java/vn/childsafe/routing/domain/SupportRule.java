package vn.childsafe.routing.domain;

/**
 * A supporting unit (cơ quan phối hợp) a rule assigns, possibly only under a condition.
 *
 * @param type the agency type to assign
 * @param when when it is assigned
 */
public record SupportRule(AgencyType type, When when) {

    /** When a supporting unit is assigned. */
    public enum When {
        ALWAYS,
        /** Only when the report names or describes a victim. */
        VICTIM_GIVEN;

        boolean holds(ReportFacts facts) {
            return this == ALWAYS || facts.victimGiven();
        }
    }

    public SupportRule {
        if (type == null || when == null) {
            throw new IllegalArgumentException("a support rule needs a type and a condition");
        }
    }

    public static SupportRule always(AgencyType type) {
        return new SupportRule(type, When.ALWAYS);
    }

    public static SupportRule ifVictimGiven(AgencyType type) {
        return new SupportRule(type, When.VICTIM_GIVEN);
    }

    public boolean appliesTo(ReportFacts facts) {
        return when.holds(facts);
    }
}
