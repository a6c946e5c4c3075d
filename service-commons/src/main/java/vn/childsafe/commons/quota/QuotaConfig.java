package vn.childsafe.commons.quota;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Write quotas per client ({@code childsafe.quota.*}; defaults and their reasons in docs/security.md, "Quotas"): a
 * client may send at most {@code per-minute} writes (POST, PUT, PATCH, DELETE) a minute, in bursts of up to that
 * many. A client's limit is its own entry in {@code clients} (by token subject) if it has one, else the largest of
 * its roles' entries in {@code roles}, else {@code default-per-minute}.
 */
@ConfigMapping(prefix = "childsafe.quota")
public interface QuotaConfig {

    /** {@code false} turns quotas off on this instance. */
    @WithDefault("true")
    boolean enabled();

    /** Writes a minute for a client of no listed role. */
    @WithDefault("120")
    int defaultPerMinute();

    /** By role name ({@code reporter}, {@code platform}, {@code unit}, {@code admin}, {@code ops}). */
    Map<String, Limit> roles();

    /** By client (the token's subject), overriding its roles. */
    Map<String, Limit> clients();

    /** One limit. */
    interface Limit {
        /** Writes a minute, also the largest burst. */
        int perMinute();
    }
}
