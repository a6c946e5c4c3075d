package vn.childsafe.routing.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import vn.childsafe.commons.security.Roles;
import vn.childsafe.routing.service.CallerScope;

/** Works out the current caller's {@link CallerScope} from its token. */
@RequestScoped
public class Callers {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    /** Admins and ops see everything; anyone else (a unit) only its own agency's data. */
    public CallerScope scope() {
        if (identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.OPS)) {
            return CallerScope.everything();
        }
        Object claim = jwt.getClaim(Roles.AGENCY_CLAIM);
        String agency = claim instanceof JsonString json ? json.getString() : claim == null ? null : claim.toString();
        return CallerScope.unit(agency);
    }

    /** Who acts, for timelines and events: the unit's agency code, else the token's subject (a client id). */
    public String actor() {
        CallerScope scope = scope();
        if (!scope.seesAll() && scope.agencyCode() != null) {
            return scope.agencyCode();
        }
        String name = jwt.getName();
        return name == null || name.isBlank() ? "unknown" : name;
    }
}
