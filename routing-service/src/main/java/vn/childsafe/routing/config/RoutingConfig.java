package vn.childsafe.routing.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the routing service ({@code childsafe.routing.*}). */
@ConfigMapping(prefix = "childsafe.routing")
public interface RoutingConfig {

    /**
     * The zone in which an agency's validFrom/validTo dates are read: a unit taking over on 1 July takes over at
     * midnight in Viet Nam, not in UTC.
     */
    @WithDefault("Asia/Ho_Chi_Minh")
    ZoneId timeZone();

    /** How far back an open case may lie for a report with the same content to be linked to it (docs/routing-rules.md, section 7). */
    @WithDefault("P30D")
    Duration duplicateWindow();

    /** The deadline watcher. */
    Escalation escalation();

    /** Settings of the deadline watcher ({@code childsafe.routing.escalation.*}). */
    interface Escalation {

        /** How often overdue assignments are looked for ({@code 30s}, {@code 1m}; {@code off} disables it). */
        @WithDefault("30s")
        String every();

        /** How many overdue assignments one look takes at a time. */
        @WithDefault("100")
        int batchSize();
    }
}
