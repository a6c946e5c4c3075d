package vn.childsafe.routing.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * What routing's consumers say about a record they send to the dead-letter topic: its coordinates and the reason,
 * never its content (a poison record may hold anything, and logs must hold no personal data).
 */
final class PoisonRecords {

    private static final Logger LOG = Logger.getLogger(PoisonRecords.class);
    private static final int MAX_ECHO = 100;

    private PoisonRecords() {
    }

    /** Logs that {@code record} goes to the dead-letter topic because of {@code reason}. */
    static void logDeadLetter(ConsumerRecord<?, ?> record, String eventId, MalformedEventException reason) {
        LOG.warnf("Record %s-%d@%d (ce_id %s) sent to the dead-letter topic: %s", record.topic(), record.partition(),
                record.offset(), shorten(eventId), reason.getMessage());
    }

    /** A header value cut to a length safe to echo in a log line or a reason. */
    static String shorten(String value) {
        if (value == null) {
            return null;
        }
        return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
    }
}
