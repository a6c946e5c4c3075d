package vn.childsafe.routing.agency;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import vn.childsafe.routing.domain.AgencyDirectory;
import vn.childsafe.routing.domain.AgencyType;

/** Reads and writes the agency register. */
@ApplicationScoped
public class AgencyRepository implements PanacheRepositoryBase<Agency, String> {

    private static final String ACTIVE_ON =
            "active = true and (validFrom is null or validFrom <= :day)" + " and (validTo is null or validTo > :day)";

    /**
     * The directory of units active on {@code day}, for {@link vn.childsafe.routing.domain.Jurisdiction}. Where
     * several units of a type answer for the same jurisdiction (a data error), the lowest code wins, so that
     * routing stays deterministic.
     */
    public AgencyDirectory activeOn(LocalDate day) {
        return (type, provinceCode, communeCode) -> findActive(type, provinceCode, communeCode, day)
                .map(a -> new AgencyDirectory.RegisteredUnit(a.code, a.name, a.type));
    }

    Optional<Agency> findActive(AgencyType type, String provinceCode, String communeCode, LocalDate day) {
        StringBuilder query = new StringBuilder("type = :type and ").append(ACTIVE_ON);
        Parameters params = Parameters.with("type", type).and("day", day);
        if (provinceCode == null) {
            query.append(" and provinceCode is null");
        } else {
            query.append(" and provinceCode = :province");
            params.and("province", provinceCode);
        }
        if (communeCode == null) {
            query.append(" and communeCode is null");
        } else {
            query.append(" and communeCode = :commune");
            params.and("commune", communeCode);
        }
        return find(query.toString(), Sort.by("code"), params).firstResultOptional();
    }

    /** One page of the register, optionally filtered by type and province, in code order. */
    public List<Agency> list(AgencyType type, String provinceCode, int page, int size) {
        Filter filter = filter(type, provinceCode);
        return find(filter.query, Sort.by("code"), filter.params)
                .page(Page.of(page, size))
                .list();
    }

    /** How many agencies {@link #list} would return over all pages. */
    public long count(AgencyType type, String provinceCode) {
        Filter filter = filter(type, provinceCode);
        return count(filter.query, filter.params);
    }

    private record Filter(String query, Parameters params) {}

    private static Filter filter(AgencyType type, String provinceCode) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (type != null) {
            query.append(" and type = :type");
            params.and("type", type);
        }
        if (provinceCode != null) {
            query.append(" and provinceCode = :province");
            params.and("province", provinceCode);
        }
        return new Filter(query.toString(), params);
    }
}
