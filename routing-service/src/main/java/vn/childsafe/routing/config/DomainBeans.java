package vn.childsafe.routing.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import vn.childsafe.commons.geo.ProvinceTable;
import vn.childsafe.routing.domain.LocationResolver;
import vn.childsafe.routing.geo.AdminUnitRepository;
import vn.childsafe.routing.domain.RoutingRules;

/**
 * Makes the plain-Java domain objects injectable, as {@code @Singleton} because immutable values need no proxy.
 * Today they are the built-in table and the default rule set; when geography and rule sets become data, only
 * these producers change.
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

    @Produces
    @Singleton
    RoutingRules routingRules() {
        return RoutingRules.defaults();
    }
}
