package vn.childsafe.routing.domain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@link Jurisdiction} looks up registered units: the agency register of the routing service, already
 * restricted to units active on the routing date.
 */
@FunctionalInterface
public interface AgencyDirectory {

    /** A registered, active unit. */
    record RegisteredUnit(String code, String name, AgencyType type) {}

    /**
     * The active unit of {@code type} answering for exactly this jurisdiction.
     *
     * @param provinceCode today's province; {@code null} for a national unit
     * @param communeCode  today's commune; {@code null} for a province-level or national unit
     */
    Optional<RegisteredUnit> find(AgencyType type, String provinceCode, String communeCode);

    /**
     * This directory, remembering every answer: for a batch of reports routed together, which ask the same
     * questions again and again.
     */
    default AgencyDirectory remembering() {
        Map<List<Object>, Optional<RegisteredUnit>> answers = new HashMap<>();
        return (type, provinceCode, communeCode) -> answers.computeIfAbsent(
                Arrays.asList(type, provinceCode, communeCode), key -> find(type, provinceCode, communeCode));
    }
}
