package vn.childsafe.commons.messaging;

/**
 * A record that can never be processed as it is (not JSON, not the event its type names, an aggregate this
 * service does not know): the consumer moves it to its dead-letter topic at once and goes on with the others.
 * The message is the dead-letter reason, so it must never quote the payload (which may hold anything). A failing
 * dependency (database, broker) is never this: it is waited out.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String reason) {
        super(reason);
    }

    public UnprocessableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
