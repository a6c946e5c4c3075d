package vn.childsafe.commons.worker;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import vn.childsafe.commons.transaction.AfterCommit;

/**
 * A background thread that does a unit of work, sleeps for the poll interval when there is nothing left, and is
 * woken early by {@link #wakeUp()} (e.g. right after a transaction commits new work). After a failure it backs
 * off exponentially up to a ceiling, so a database or broker outage is waited out instead of hammered.
 */
public abstract class PollingWorker {

    private final Logger log = Logger.getLogger(getClass());
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private volatile State state = new State(null, null, 0, null);

    /**
     * What a health check reports about the worker.
     *
     * @param lastSuccess when a round last ended without an error; {@code null} before the first
     * @param failingSince when the current run of failures began; {@code null} while rounds succeed
     * @param failures failed rounds in a row
     * @param lastError the root cause of the latest failure of that run; {@code null} while rounds succeed
     */
    public record State(Instant lastSuccess, Instant failingSince, int failures, String lastError) {}

    /**
     * One round of work.
     *
     * @return {@code true} if more work may be waiting, so the next round starts at once
     */
    protected abstract boolean workOnce() throws InterruptedException;

    /** How long to sleep when idle; also the first backoff step. */
    protected abstract Duration pollInterval();

    /** The longest pause after repeated failures. */
    protected abstract Duration maxBackoff();

    /** Called when the worker has been idle for a poll interval; for housekeeping. */
    protected void idle() {}

    /** Starts the thread. */
    protected synchronized void start(String name) {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread and waits up to 10 s for the round in progress to end. */
    protected synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Whether the thread was started and not stopped. */
    public boolean running() {
        return running;
    }

    /** The outcome of the latest rounds. */
    public State state() {
        return state;
    }

    /** Starts the next round now instead of at the next poll. */
    public void wakeUp() {
        signal.release();
    }

    /**
     * Starts the next round as soon as the current transaction commits (the work it wrote is visible then), and
     * not at all if it rolls back.
     */
    public void wakeUpAfterCommit(TransactionSynchronizationRegistry transactions) {
        AfterCommit.run(transactions, this::wakeUp);
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                boolean more = workOnce();
                failures = 0;
                state = new State(Instant.now(), null, 0, null);
                if (!more) {
                    signal.tryAcquire(pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                    idle();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures++;
                State before = state;
                state = new State(
                        before.lastSuccess(),
                        before.failingSince() == null ? Instant.now() : before.failingSince(),
                        failures,
                        rootCause(e));
                long pause = Backoff.millis(pollInterval(), maxBackoff(), failures);
                log.warnf(
                        "%s failed (%d in a row, next try in %d ms): %s",
                        Thread.currentThread().getName(), failures, pause, rootCause(e));
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
