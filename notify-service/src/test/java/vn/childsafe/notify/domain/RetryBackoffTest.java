package vn.childsafe.notify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void nominalWaitDoublesAfterEachFailureUpToTheCap() {
        RetryBackoff backoff = new RetryBackoff(ONE_SECOND, FIVE_MINUTES, 0.2, () -> 0.0);

        assertThat(backoff.nominal(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.nominal(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.nominal(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.nominal(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.nominal(10)).isEqualTo(FIVE_MINUTES);
        assertThat(backoff.nominal(1_000)).isEqualTo(FIVE_MINUTES);
    }

    @Test
    void jitterOnlyShortensTheWaitAndByAtMostItsShare() {
        assertThat(new RetryBackoff(ONE_SECOND, FIVE_MINUTES, 0.2, () -> 0.0).next(3))
                .isEqualTo(Duration.ofSeconds(4));
        // The largest random value takes (almost) the full 20 % off.
        assertThat(new RetryBackoff(ONE_SECOND, FIVE_MINUTES, 0.2, () -> 0.999_999)
                        .next(3)
                        .toMillis())
                .isEqualTo(3_201);
        assertThat(new RetryBackoff(ONE_SECOND, FIVE_MINUTES, 0.2, () -> 0.5).next(3))
                .isEqualTo(Duration.ofMillis(3_600));
    }

    @Test
    void everyJitteredWaitStaysWithinItsBoundsAndNeverExceedsTheCap() {
        Random random = new Random(42);
        RetryBackoff backoff = new RetryBackoff(ONE_SECOND, FIVE_MINUTES, 0.2, random::nextDouble);
        for (int attempt = 1; attempt <= 30; attempt++) {
            long nominal = backoff.nominal(attempt).toMillis();
            for (int i = 0; i < 200; i++) {
                long wait = backoff.next(attempt).toMillis();
                assertThat(wait)
                        .isBetween((long) Math.ceil(nominal * 0.8), nominal)
                        .isLessThanOrEqualTo(FIVE_MINUTES.toMillis());
            }
        }
    }

    @Test
    void randomisedWaitsActuallySpreadOut() {
        Random random = new Random(7);
        RetryBackoff backoff = new RetryBackoff(ONE_SECOND, FIVE_MINUTES, 0.5, random::nextDouble);
        long distinct = IntStream.range(0, 100)
                .mapToLong(i -> backoff.next(5).toMillis())
                .distinct()
                .count();
        assertThat(distinct).isGreaterThan(50);
    }

    @Test
    void rejectsSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, FIVE_MINUTES, 0.2, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackoff(FIVE_MINUTES, ONE_SECOND, 0.2, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackoff(ONE_SECOND, FIVE_MINUTES, 1.5, () -> 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryBackoff(ONE_SECOND, FIVE_MINUTES, 0.2, () -> 0).next(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
