package vn.childsafe.notify.domain;

import vn.childsafe.commons.messaging.UnprocessableEventException;

/**
 * A case event that cannot be turned into alerts however often it is retried (not JSON, missing ids, no lead).
 * The consumer sends it to the dead-letter topic at once instead of retrying.
 */
public class InvalidCaseEventException extends UnprocessableEventException {

    public InvalidCaseEventException(String message) {
        super(message);
    }

    public InvalidCaseEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
