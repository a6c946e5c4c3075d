package vn.childsafe.commons.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void startsAtTheInitialPauseDoublesAndStopsAtTheCeiling() {
        Duration initial = Duration.ofMillis(200);
        Duration max = Duration.ofSeconds(5);
        assertThat(Backoff.millis(initial, max, 1)).isEqualTo(200);
        assertThat(Backoff.millis(initial, max, 2)).isEqualTo(400);
        assertThat(Backoff.millis(initial, max, 5)).isEqualTo(3_200);
        assertThat(Backoff.millis(initial, max, 6)).isEqualTo(5_000);
        assertThat(Backoff.millis(initial, max, 10_000)).isEqualTo(5_000);
    }
}
