package vn.childsafe.commons.messaging;

/**
 * One record consumed from Kafka, with its CloudEvents attributes read from the headers (binary mode).
 *
 * @param eventId   {@code ce_id}: the inbox de-duplicates on it
 * @param eventType {@code ce_type}
 * @param key       the record key (the aggregate id)
 * @param value     the event JSON
 * @param topic     where it came from
 * @param partition its partition
 * @param offset    its offset
 * @param traceparent the W3C {@code traceparent} header the relay set, or {@code null}: the trace the record's
 *                    processing continues (docs/architecture.md, "Tracing")
 */
public record IncomingEvent(
        String eventId,
        String eventType,
        String key,
        String value,
        String topic,
        int partition,
        long offset,
        String traceparent) {

    /** Where the record is, for logs and dead-letter reasons: never its content. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
