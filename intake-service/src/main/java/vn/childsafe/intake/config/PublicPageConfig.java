package vn.childsafe.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The public reporting page ({@code childsafe.public-page.*}; docs/guide-public-page.md, docs/security.md). Quotas
 * count per client address: mobile carriers and schools put many people behind one address (carrier-grade NAT),
 * so they stop a script, not a class of pupils.
 */
@ConfigMapping(prefix = "childsafe.public-page")
public interface PublicPageConfig {

    /** Reports one client address may send a minute through the page, also the largest burst. */
    @WithDefault("10")
    int submissionsPerMinute();

    /** Status look-ups one client address may make a minute: tracking codes must not be guessed in bulk. */
    @WithDefault("30")
    int lookupsPerMinute();

    /** The client id stored with the page's reports, as a token's subject is for API clients. */
    @WithDefault("public-web-page")
    String clientId();
}
