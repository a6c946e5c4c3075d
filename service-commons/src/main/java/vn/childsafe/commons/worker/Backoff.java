package vn.childsafe.commons.worker;

import java.time.Duration;

/** Exponential backoff without jitter, for background loops waiting out a database or broker outage. */
public final class Backoff {

    private Backoff() {}

    /**
     * The pause after {@code failuresInARow} failures (1 or more): {@code initial}, doubled per further failure, at
     * most {@code max}.
     */
    public static long millis(Duration initial, Duration max, int failuresInARow) {
        return Math.min(max.toMillis(), initial.toMillis() * (1L << Math.min(Math.max(failuresInARow, 1) - 1, 20)));
    }
}
