package vn.childsafe.commons.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the event consumers ({@code childsafe.consumer.*}). */
@ConfigMapping(prefix = "childsafe.consumer")
public interface ConsumerConfig {

    /** Whether this instance consumes at all. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Consumer threads per handler, each with its own share of the partitions (at most one thread per partition
     * is useful). A thread spends much of its time waiting for PostgreSQL, so two or three help even on two cores.
     */
    @WithDefault("1")
    int threads();

    /**
     * Most records applied in one transaction; an urgent record may wait for one such batch of the normal lane,
     * so this bounds its delay (100 records take well under a second).
     */
    @WithDefault("100")
    int maxPollRecords();

    /** How long one poll of the normal lane waits for records; the urgent lane is checked at least this often. */
    @WithDefault("100ms")
    Duration pollTimeout();

    /** How long to wait for the urgent lane's records once the broker says some are there. */
    @WithDefault("500ms")
    Duration urgentFetchWait();

    /** First pause after a dependency failure; doubled per failure in a row up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration initialBackoff();

    /** Longest pause between attempts while a dependency is down; the consumer waits for as long as it takes. */
    @WithDefault("5s")
    Duration maxBackoff();

    /** Attempts of a record that fails on its own, with the database answering, before it is dead-lettered. */
    @WithDefault("3")
    int attemptsBeforeDeadLetter();
}
