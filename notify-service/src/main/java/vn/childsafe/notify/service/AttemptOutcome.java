package vn.childsafe.notify.service;

/**
 * What came of one attempt.
 *
 * @param statusCode the endpoint's HTTP status, {@code null} if it never answered
 * @param error      why the attempt failed, {@code null} on success
 */
public record AttemptOutcome(Attempt attempt, Integer statusCode, String error) {

    /** The endpoint answered (any status). */
    public static AttemptOutcome answered(Attempt attempt, int statusCode) {
        boolean ok = statusCode >= 200 && statusCode < 300;
        return new AttemptOutcome(
                attempt,
                statusCode,
                ok
                        ? null
                        : statusCode >= 300 && statusCode < 400
                                ? "HTTP " + statusCode + " (redirects are not followed)"
                                : "HTTP " + statusCode);
    }

    /** The message was handed over (SMTP server accepted it); there is no HTTP status. */
    public static AttemptOutcome sent(Attempt attempt) {
        return new AttemptOutcome(attempt, null, null);
    }

    /** The endpoint could not be reached or did not answer in time. */
    public static AttemptOutcome unreachable(Attempt attempt, String error) {
        return new AttemptOutcome(attempt, null, error);
    }

    /** Whether the unit accepted the alert (2xx). */
    public boolean delivered() {
        return error == null;
    }
}
