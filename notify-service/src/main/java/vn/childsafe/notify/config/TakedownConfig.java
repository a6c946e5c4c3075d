package vn.childsafe.notify.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Takedown requests to platforms ({@code childsafe.takedown.*}). */
@ConfigMapping(prefix = "childsafe.takedown")
public interface TakedownConfig {

    /** How long a platform has to act on a request (Decree 147/2024/NĐ-CP: 24 hours). */
    @WithDefault("24h")
    Duration deadline();

    /** How often an overdue request is noticed again. */
    @WithDefault("24h")
    Duration renoticeInterval();

    /** How often the scheduler looks for overdue requests (read by {@code TakedownScheduler}'s {@code @Scheduled}). */
    @WithDefault("1m")
    Duration checkInterval();

    /** Whether this instance runs the overdue scheduler (any number may; they never notice a request twice). */
    @WithDefault("true")
    boolean schedulerEnabled();

    /** The legal basis quoted in every request. */
    @WithDefault("Nghị định 147/2024/NĐ-CP")
    String legalBasis();

    /**
     * Agency code of the national information-security unit (NATIONAL_INFOSEC), which handles takedowns of a case
     * without an INFORMATION_PROVINCE assignment.
     */
    @WithDefault("NATIONAL_INFOSEC")
    String nationalInformationAgency();
}
