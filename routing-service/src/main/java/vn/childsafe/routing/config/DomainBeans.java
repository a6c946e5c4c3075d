package vn.childsafe.routing.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import vn.childsafe.commons.geo.ProvinceTable;
import vn.childsafe.routing.domain.LocationResolver;
import vn.childsafe.routing.geo.AdminUnitRepository;

/**
 * Makes the plain-Java domain objects injectable, as {@code @Singleton} because immutable values need no proxy.
 * The province table is built in; the ward mapping (imported) and the rule sets (stored) come from the database.
 */
@ApplicationScoped
public class DomainBeans {

    @Produces
    @Singleton
    ProvinceTable provinceTable() {
        return ProvinceTable.builtIn();
    }

    @Produces
    @Singleton
    LocationResolver locationResolver(ProvinceTable provinces, AdminUnitRepository wards) {
        return new LocationResolver(provinces, wards);
    }
}
