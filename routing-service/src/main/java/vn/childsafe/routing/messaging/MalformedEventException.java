package vn.childsafe.routing.messaging;

/**
 * A record on {@code reports.received.v1} that can never be routed as it is (not JSON, not a ReportReceived,
 * missing CloudEvents headers). It goes straight to the dead-letter topic, without retries; the message is the
 * dead-letter reason, so it never quotes the payload.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
