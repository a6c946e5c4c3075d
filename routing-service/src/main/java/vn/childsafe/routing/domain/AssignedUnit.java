package vn.childsafe.routing.domain;

import java.util.List;

/**
 * The unit that gets an assignment after jurisdiction fallbacks.
 *
 * @param agencyCode    the unit's code; the type's name for an unregistered national unit
 * @param agencyName    the unit's name
 * @param agencyType    the type actually assigned (after fallbacks)
 * @param requestedType the type the rule asked for
 * @param registered    {@code false} when not even the national unit is registered
 * @param notes         each fallback taken, for the case's explanation
 */
public record AssignedUnit(
        String agencyCode,
        String agencyName,
        AgencyType agencyType,
        AgencyType requestedType,
        boolean registered,
        List<String> notes) {

    /** Name shown for a national unit that is missing from the register. */
    public static final String UNREGISTERED_NATIONAL_NAME = "unregistered national unit";

    public AssignedUnit {
        notes = List.copyOf(notes);
    }
}
