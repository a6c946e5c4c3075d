package vn.childsafe.intake.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Intake's own settings ({@code childsafe.intake.*}). */
@ConfigMapping(prefix = "childsafe.intake")
public interface IntakeConfig {

    /** How long an Idempotency-Key and its first answer are kept; at least 24 h by contract. */
    @WithDefault("48h")
    Duration idempotencyRetention();

    /** How long after a case is resolved its reports' identity and description are erased. */
    @WithDefault("P180D")
    Duration purgeIdentityAfter();
}
