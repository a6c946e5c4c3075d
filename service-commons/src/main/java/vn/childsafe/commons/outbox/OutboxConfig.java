package vn.childsafe.commons.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the outbox relay ({@code childsafe.outbox.*}). */
@ConfigMapping(prefix = "childsafe.outbox")
public interface OutboxConfig {

    /** Whether this instance runs a relay at all. */
    @WithDefault("true")
    boolean enabled();

    /** Most events published in one transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay sleeps when the outbox is empty (a commit wakes it sooner). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Longest wait between attempts while Kafka cannot be reached. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** How long a send may block waiting for the broker before the batch is retried later. */
    @WithDefault("5s")
    Duration sendTimeout();

    /** How long published events are kept for inspection before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /** CloudEvents {@code ce_source} of the events this service emits. */
    @WithDefault("/childsafe/${quarkus.application.name}")
    String source();
}
