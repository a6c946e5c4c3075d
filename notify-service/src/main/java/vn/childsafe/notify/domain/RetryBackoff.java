package vn.childsafe.notify.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter between delivery attempts (thời gian chờ giữa các lần gửi lại).
 *
 * <p>
 * After the {@code n}-th failed attempt the nominal wait is {@code initial × 2^(n-1)}, capped at {@code max}. The
 * jitter then takes a random share of up to {@code jitter} off that wait, so the result lies in
 * {@code [nominal × (1 - jitter), nominal]}: never above {@code max} (the cap is a promise to the unit) and never
 * so short that a recovering endpoint is hammered by every delivery that failed at the same moment.
 */
public final class RetryBackoff {

    private final Duration initial;
    private final Duration max;
    private final double jitter;
    private final DoubleSupplier random;

    /**
     * @param initial wait after the first failure, positive
     * @param max     longest wait, at least {@code initial}
     * @param jitter  share of the wait that is randomised, 0 to 1
     * @param random  uniform values in [0, 1); a fixed supplier makes the result predictable in tests
     */
    public RetryBackoff(Duration initial, Duration max, double jitter, DoubleSupplier random) {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial backoff must be positive: " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below the initial " + initial);
        }
        if (jitter < 0 || jitter > 1 || Double.isNaN(jitter)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
        }
        this.initial = initial;
        this.max = max;
        this.jitter = jitter;
        this.random = Objects.requireNonNull(random);
    }

    /** The wait without jitter after {@code failedAttempts} failures (1 for the first). */
    public Duration nominal(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts starts at 1: " + failedAttempts);
        }
        // Doubling 2^62 ms would overflow long long before it matters: the cap is reached after a few dozen steps.
        int doublings = Math.min(failedAttempts - 1, 40);
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** The wait before the next attempt after {@code failedAttempts} failures, jitter applied. */
    public Duration next(int failedAttempts) {
        long nominal = nominal(failedAttempts).toMillis();
        double r = Math.min(Math.max(random.getAsDouble(), 0.0), 1.0);
        long reduction = (long) Math.floor(nominal * jitter * r);
        return Duration.ofMillis(nominal - reduction);
    }
}
