package vn.childsafe.routing.domain;

import java.util.List;
import java.util.Optional;

/** The legacy ward → current commune(s) mapping (imported reference data). */
@FunctionalInterface
public interface WardMapping {

    /** What a legacy ward became. Several communes: the ward was split. */
    record MappedWard(
            String wardCode,
            String wardName,
            String oldProvinceCode,
            String newProvinceCode,
            List<String> communeCodes) {
        public MappedWard {
            communeCodes = List.copyOf(communeCodes);
        }
    }

    Optional<MappedWard> find(String legacyWardCode);

    /** No mapping loaded. */
    static WardMapping none() {
        return code -> Optional.empty();
    }
}
